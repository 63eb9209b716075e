/** The disclaimer: acknowledged once before the first plan, then a compact banner on every plan and printout. */

export function DisclaimerGate({ onAcknowledge }: { readonly onAcknowledge: () => void }) {
  return (
    <section className="disclaimer" aria-labelledby="disclaimer-title">
      <h2 id="disclaimer-title">Before you use this plan</h2>
      <ul>
        <li>
          Retitrate is a <strong>decision aid for clinicians</strong>. It computes a <strong>ceiling schedule</strong>: the
          most a patient should receive at each step when restarting after a break. It is not a prescription.
        </li>
        <li>
          Every number comes from a cited guideline or label, or from a clearly labelled engine assumption. Guidance may
          differ from your local protocols; the patient may need less than the ceiling.
        </li>
        <li>
          <strong>You remain responsible</strong> for every dose you prescribe or supply: check the plan against the
          patient in front of you and current guidance.
        </li>
        <li>Everything you enter stays in this browser. Nothing is sent anywhere.</li>
      </ul>
      <button type="button" className="primary" onClick={onAcknowledge}>
        I understand
      </button>
    </section>
  );
}

export function DisclaimerBanner() {
  return (
    <p className="banner" role="note">
      <strong>Decision aid, not a prescription.</strong> A conservative ceiling schedule; the prescriber remains
      responsible for every dose. Check against the patient and current guidance.
    </p>
  );
}
