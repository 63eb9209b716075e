/** Where the prefilled values came from (an EHR record or a CDS Hooks link), shown until dismissed. */
import { useState } from 'react';
import { FIELD_LABELS, type FieldName } from './model.ts';
import type { Prefill } from './prefill.ts';
import './prefill.css';

export function PrefillNotice({ prefill }: { readonly prefill: Prefill }) {
  const [open, setOpen] = useState(true);
  if (!open) return null;
  const entries = Object.entries(prefill.provenance) as [FieldName, string][];
  return (
    <section className="prefill-notice" aria-labelledby="prefill-title">
      <h2 id="prefill-title">Filled in from the patient's record: check every value</h2>
      <p>Each value below came from the record and can be corrected in the form. Risk factors were not read: enter them.</p>
      <dl>
        {entries.map(([field, from]) => (
          <div key={field}>
            <dt>{FIELD_LABELS[field]}</dt>
            <dd>{from}</dd>
          </div>
        ))}
      </dl>
      {prefill.notes.length ? (
        <>
          <h3>Could not be read</h3>
          <ul>
            {prefill.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </>
      ) : null}
      <button type="button" onClick={() => setOpen(false)}>
        Hide
      </button>
    </section>
  );
}
