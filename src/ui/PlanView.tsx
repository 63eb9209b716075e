/** The plan, disclaimer first: warnings, the tolerance finding, the schedule, then how it was calculated. */
import { lazy, Suspense, type ReactNode } from 'react';
import { formatDose, formatFrequency, type PlanRefusal, type PlanSource, type PlanStep, type PlanWarning, type RestartPlan } from '../engine/api.ts';
import { administrationsOf, isPatchUnit, patchWearHours, plural, stepFormulationName } from '../export/common.ts';
import { unevenDosesInWords } from '../export/note.ts';
import { displayDate } from './dates.ts';
import { DisclaimerBanner } from './Disclaimer.tsx';
import { Exports } from './Exports.tsx';

const Derivation = lazy(() => import('./Derivation.tsx'));
const Dispensing = lazy(() => import('./Dispensing.tsx'));
const PriorComponentsTable = lazy(() => import('./PriorComponents.tsx'));

const STATUS_WORDS: Record<string, string> = {
  retained: 'tolerance retained',
  reduced: 'tolerance reduced',
  lost: 'tolerance lost: restart as for a patient new to the drug',
  'not-applicable': 'no tolerance rule applies to this drug',
};

export function sourceLabel(source: PlanSource): string {
  return `${source.issuer}, ${source.year}`;
}

function SourceLinks({ ids, sources }: { readonly ids: readonly string[]; readonly sources: readonly PlanSource[] }) {
  const found = ids.map((id) => sources.find((s) => s.id === id) ?? { id, title: id, issuer: id, year: 0, url: '' });
  if (found.length === 0) return null;
  return (
    <span className="warning-sources">
      {' '}
      Sources:{' '}
      {found.map((source, index) => (
        <span key={source.id}>
          {index > 0 ? '; ' : ''}
          {source.url ? (
            <a href={source.url} title={source.title} target="_blank" rel="noopener noreferrer">
              {source.year ? sourceLabel(source) : source.id}
            </a>
          ) : (
            source.id
          )}
        </span>
      ))}
      .
    </span>
  );
}

function WarningList({ warnings, sources, critical, idPrefix = '', title }: { readonly warnings: readonly PlanWarning[]; readonly sources: readonly PlanSource[]; readonly critical: boolean; readonly idPrefix?: string; readonly title?: string }) {
  if (warnings.length === 0) return null;
  title ??= critical ? 'Critical warnings' : 'Other warnings';
  const id = `${idPrefix}${critical ? 'critical-title' : 'other-warnings-title'}`;
  return (
    <section className={critical ? 'warnings critical' : 'warnings'} aria-labelledby={id} id={critical ? `${idPrefix}critical-warnings` : undefined}>
      <h3 id={id}>{title}</h3>
      <ul>
        {warnings.map((warning) => (
          <li key={warning.code} className={`warning ${warning.severity}`}>
            <span className="severity">{warning.severity === 'info' ? 'Note' : critical ? 'Critical' : 'Warning'}:</span>{' '}
            {warning.message}
            <SourceLinks ids={warning.sources} sources={sources} />
          </li>
        ))}
      </ul>
    </section>
  );
}

export function daysOffText(plan: RestartPlan): string {
  return `${plural(plan.daysOff, 'day')} off (${plural(plan.missedDays, 'missed day')})`;
}

/** The resume / re-titrate decision of antidepressant and labelled-restart plans, in words. */
export function decisionSentence(plan: RestartPlan): string | null {
  if (!plan.decision) return null;
  const action = plan.decision.action === 'resume' ? 'resume the prior dose' : 're-titrate from a starting dose';
  return `${action}: ${plan.decision.rule}`;
}

export function toleranceSentence(plan: RestartPlan): string {
  const r = plan.tolerance.retainedFraction;
  const percent = `${Math.round(Number(r) * 100)}%`;
  const days = daysOffText(plan);
  const decision = decisionSentence(plan);
  if (plan.tolerance.status === 'not-applicable') return decision ? `${days}: ${decision}.` : `${days}: ${STATUS_WORDS['not-applicable']}.`;
  return `${days}: retained fraction ${r} (${percent} of the previous daily dose taken as still tolerated) — ${STATUS_WORDS[plan.tolerance.status] ?? plan.tolerance.status}.`;
}

function stepDates(step: PlanStep): ReactNode {
  if (!step.end)
    return (
      <>
        <span className="date-line">{displayDate(step.start)}</span>{' '}
        <span className="date-line">onward</span>
      </>
    );
  if (step.end === step.start) return <span className="date-line">{displayDate(step.start)}</span>;
  return (
    <>
      <span className="date-line">{displayDate(step.start)}</span>{' '}
      <span className="date-line">to {displayDate(step.end)}</span>
    </>
  );
}

function doseText(step: PlanStep, displayName: string): ReactNode {
  const uneven = step.administrations.length > 1 && new Set(step.administrations).size > 1;
  if (!uneven) {
    return (
      <>
        {displayName} <span className="amount">{formatDose(step.dose)}</span>
      </>
    );
  }
  return (
    <>
      {displayName}{' '}
      {step.administrations.map((a, index) => (
        <span key={index}>
          {index > 0 ? ' + ' : ''}
          <span className="amount">{formatDose({ amount: a, unit: step.dose.unit })}</span>
        </span>
      ))}
      <span className="uneven"> (uneven: {unevenDosesInWords(step.administrations, step.dose.unit)})</span>
    </>
  );
}

/** Identical administrations grouped: [["3 doses", "1 × 10 mg tablet"], ["1 dose", "1 × 5 mg tablet"]]. */
export function makeUpLines(step: PlanStep): [string, string][] {
  if (step.makeUp.length === 0) return [['', '—']];
  if (step.makeUp.length !== step.administrations.length) return step.makeUp.map((text) => ['', text]);
  const groups: { text: string; count: number }[] = [];
  for (const text of step.makeUp) {
    const last = groups[groups.length - 1];
    if (last && last.text === text) last.count += 1;
    else groups.push({ text, count: 1 });
  }
  if (groups.length === 1) return [['Each dose', groups[0]!.text]];
  return groups.map((g) => [`${g.count} ${g.count === 1 ? 'dose' : 'doses'}`, g.text]);
}

/** "As needed, up to 4 a day" for an as-needed step (a ceiling, not a schedule). */
export function asNeededText(step: PlanStep): string {
  return `as needed, up to ${step.timesPerDay} a day`;
}

/** "Changed every 72 hours" for a patch step; "as needed, up to 4 a day"; "twice daily" otherwise. */
export function frequencyText(step: PlanStep): string {
  if (step.asNeeded) return asNeededText(step);
  if (!isPatchUnit(step.dose.unit)) return formatFrequency(step.timesPerDay, step.everyOtherDay);
  const hours = patchWearHours(step.drug, step.formulation);
  return hours ? `Worn continuously, changed every ${hours} hours` : 'Worn continuously';
}

/** The daily amount a clinician reads: a patch's rate is not a daily dose. */
export function dailyText(step: PlanStep): string {
  return isPatchUnit(step.dose.unit) ? `${formatDose(step.dailyDose)} continuously` : formatDose(step.dailyDose);
}

/** The product a step uses, named in full when it is not the prior product. */
export function stepProduct(plan: RestartPlan, step: PlanStep): string {
  return step.drug === plan.drug && step.formulation === plan.formulation ? step.displayName : `${step.displayName} ${step.formulationName}`;
}

/** Methadone for opioid use disorder: CDC says MME conversion is not for OUD dosing, so no MME column is shown. */
export function mmeNotForThisPlan(plan: RestartPlan, request: unknown): boolean {
  return plan.drug === 'methadone' && typeof request === 'object' && request !== null && (request as { indication?: unknown }).indication === 'oud';
}

/** Steps grouped by date: the parallel steps of a resumed regimen (`component` set, same dates) share one group. */
export function stepGroups(steps: readonly PlanStep[]): PlanStep[][] {
  const groups: PlanStep[][] = [];
  for (const step of steps) {
    const last = groups[groups.length - 1];
    const first = last?.[0];
    if (first && step.component !== undefined && first.component !== undefined && first.start === step.start && first.end === step.end) last.push(step);
    else groups.push([step]);
  }
  return groups;
}

/** The prior regimen of several medicines (its table loads on demand: most plans have one medicine). */
function PriorComponents({ plan }: { readonly plan: RestartPlan }) {
  if ((plan.prior.components ?? []).length < 2) return null;
  return (
    <Suspense fallback={null}>
      <PriorComponentsTable plan={plan} />
    </Suspense>
  );
}

function ScheduleTable({ plan, hideEquivalent = false, caption = 'Restart schedule' }: { readonly plan: RestartPlan; readonly hideEquivalent?: boolean; readonly caption?: string }) {
  const equivalentUnit = hideEquivalent ? undefined : plan.steps.find((s) => s.dailyEquivalent)?.dailyEquivalent?.unit;
  const equivalentHeader = equivalentUnit === 'MME' ? 'Daily MME' : equivalentUnit ? `Daily ${equivalentUnit} equivalent` : null;
  return (
    <div className="table-wrap">
      <table className="schedule">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Dates</th>
            <th scope="col">Dose per administration</th>
            <th scope="col">Times per day</th>
            <th scope="col">Daily total</th>
            {equivalentHeader ? <th scope="col">{equivalentHeader}</th> : null}
            <th scope="col">Made up of</th>
          </tr>
        </thead>
        {stepGroups(plan.steps).map((group, index) => (
          <tbody key={group[0]!.start} className={group.length > 1 ? 'parallel' : undefined}>
          {group.map((step, row) => (
            <tr key={`${step.start}-${step.component ?? ''}`} className={step.checkpoint ? 'checkpoint' : undefined}>
              {row === 0 ? (
                <th scope={group.length > 1 ? 'rowgroup' : 'row'} data-label="Dates" rowSpan={group.length > 1 ? group.length : undefined}>
                  <span className="step-no">Step {index + 1}</span> {stepDates(step)}
                  {group.length > 1 ? <span className="muted"> {group.length} medicines in parallel, same dates</span> : null}
                </th>
              ) : null}
              <td data-label="Dose per administration" className="dose">
                <span>{doseText(step, stepProduct(plan, step))}</span>
                {step.checkpoint ? (
                  // Said once, on the step it belongs to (a Checkpoint column repeated "—" on every other row).
                  <span className="checkpoint-mark">
                    <strong>Checkpoint before this step:</strong> {step.checkpointReason ?? 'reassess before this step.'}
                  </span>
                ) : null}
                {step.asNeededAllowance ? <div className="muted">{step.asNeededAllowance.text}</div> : null}
              </td>
              <td data-label="Times per day">{frequencyText(step)}</td>
              <td data-label="Daily total" className="num">
                {dailyText(step)}
              </td>
              {equivalentHeader ? (
                <td data-label={equivalentHeader} className="num">
                  {step.dailyEquivalent ? formatDose(step.dailyEquivalent) : '—'}
                </td>
              ) : null}
              <td data-label="Made up of">
                <ul className="makeup">
                  {makeUpLines(step).map(([count, text]) => (
                    <li key={count + text}>
                      {count ? `${count}: ` : ''}
                      <span className="amount">{text}</span>
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}

/** The first step as a clinician would say it: "oxyCODONE 5 mg twice daily (10 mg a day)". */
export function firstStepText(plan: RestartPlan, step: PlanStep): string {
  const product = stepProduct(plan, step);
  if (isPatchUnit(step.dose.unit)) return `${product} ${formatDose(step.dose)} patch, ${frequencyText(step).toLowerCase()}`;
  const amounts = administrationsOf(step);
  if (step.asNeeded) return `${product} ${formatDose(step.dose)} ${asNeededText(step)} (at most ${formatDose(step.dailyDose)} a day)`;
  if (new Set(amounts).size > 1) return `${product}: ${unevenDosesInWords(amounts, step.dose.unit)} a day (${formatDose(step.dailyDose)} a day)`;
  return `${product} ${formatDose(step.dose)} ${formatFrequency(step.timesPerDay, step.everyOtherDay)} (${formatDose(step.dailyDose)} ${step.everyOtherDay ? 'every other day' : 'a day'})`;
}

/** Why the plan starts where it does, in one sentence. */
export function whySentence(plan: RestartPlan): string {
  const days = daysOffText(plan);
  const decision = decisionSentence(plan);
  if (decision) return `${days}: ${decision}.`;
  const status = plan.tolerance.status;
  if (status === 'not-applicable') return `${days}.`;
  const finding = status === 'lost' ? 'tolerance lost: restart as for a patient new to the drug' : status === 'reduced' ? `tolerance reduced: about ${Math.round(Number(plan.tolerance.retainedFraction) * 100)}% of the previous daily dose taken as still tolerated` : 'tolerance retained';
  return `${days}: ${finding}.`;
}

/**
 * What to do now, first: the first step with its date, why, the next checkpoint, and how many critical
 * warnings follow (a link to them).
 */
function PlanSummary({ plan, criticalCount, idPrefix = '' }: { readonly plan: RestartPlan; readonly criticalCount: number; readonly idPrefix?: string }) {
  const first = plan.steps[0];
  if (!first) return null;
  const checkpoint = plan.steps.find((step) => step.checkpoint);
  const next = plan.steps[1];
  return (
    <section className="plan-summary" aria-labelledby={`${idPrefix}summary-title`}>
      <h3 id={`${idPrefix}summary-title`} className="visually-hidden">
        Summary
      </h3>
      <dl>
        <div className="summary-first">
          <dt>First step, from {displayDate(first.start)}</dt>
          <dd>
            <strong>{firstStepText(plan, first)}</strong>
            {plan.earliestSafeStart && plan.earliestSafeStart === first.start ? <span className="muted"> (the earliest safe start)</span> : null}
          </dd>
        </div>
        <div>
          <dt>Why</dt>
          <dd>{whySentence(plan)}</dd>
        </div>
        <div>
          <dt>Next checkpoint</dt>
          <dd>
            {checkpoint
              ? `${displayDate(checkpoint.start)}: ${checkpoint.checkpointReason ?? 'reassess before this step.'}`
              : next
                ? `None marked; the next step may start ${displayDate(next.start)} (reassess before each rise).`
                : 'None marked: this is the only step.'}
          </dd>
        </div>
      </dl>
      {criticalCount > 0 ? (
        <p className="summary-critical">
          <a href={`#${idPrefix}critical-warnings`}>
            {criticalCount} critical {criticalCount === 1 ? 'warning' : 'warnings'}
          </a>{' '}
          below: read {criticalCount === 1 ? 'it' : 'them'} before prescribing.
        </p>
      ) : null}
    </section>
  );
}

/**
 * The plan's heading names the product the schedule uses: after a switch (a patch restarted on morphine)
 * the prior drug's name over a morphine schedule would be read as the prior drug in mg.
 */
export function headline(plan: RestartPlan): ReactNode {
  const last = plan.steps[plan.steps.length - 1];
  const switched = plan.steps.some((s) => s.drug !== plan.drug || s.formulation !== plan.formulation);
  const reach = last ? (
    <span className="plan-sub">
      {' '}
      — ceiling reaches {last.displayName} {isPatchUnit(last.dose.unit) ? `${formatDose(last.dailyDose)} (patch)` : `${formatDose(last.dailyDose)} daily`}
    </span>
  ) : null;
  if (switched && last) {
    return (
      <>
        Restart plan: {last.displayName} {last.formulationName}{' '}
        <span className="plan-sub">(instead of {plan.displayName} {priorFormulationName(plan)})</span>
        {reach}
      </>
    );
  }
  return (
    <>
      Restart plan: {plan.displayName}
      {reach}
    </>
  );
}

function priorFormulationName(plan: RestartPlan): string {
  return stepFormulationName({ drug: plan.drug, formulation: plan.formulation });
}

interface Props {
  readonly plan: RestartPlan;
  /** Inputs in words, for the printout. */
  readonly inputs: readonly (readonly [string, string])[];
  /** The raw request (for the clinical note's inputs). */
  readonly request?: unknown;
  /** Today's date for the exports (tests); the browser clock otherwise. */
  readonly today?: string;
}

export function PlanView({ plan, inputs, request, today }: Props) {
  const critical = plan.warnings.filter((w) => w.severity === 'critical');
  const other = plan.warnings.filter((w) => w.severity !== 'critical');
  return (
    <article className="plan" aria-labelledby="plan-title">
      <DisclaimerBanner />
      <div className="plan-head">
        <h2 id="plan-title" tabIndex={-1}>
          {headline(plan)}
        </h2>
      </div>
      <PlanSummary plan={plan} criticalCount={critical.length} />
      <WarningList warnings={critical} sources={plan.sources} critical />
      <section className="inputs print-only" aria-label="Inputs">
        <h3>Inputs</h3>
        <dl>
          {inputs.map(([term, value]) => (
            <div key={term}>
              <dt>{term}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </section>
      <WarningList warnings={other} sources={plan.sources} critical={false} />
      <section aria-labelledby="tolerance-title" className="tolerance">
        <h3 id="tolerance-title">Tolerance</h3>
        <p>{toleranceSentence(plan)}</p>
      </section>
      <PriorComponents plan={plan} />
      <ScheduleTable plan={plan} hideEquivalent={mmeNotForThisPlan(plan, request)} />
      <p className="table-note">
        {plan.drugClass === 'opioid' || plan.drugClass === 'benzodiazepine'
          ? 'Each row is a ceiling: do not exceed it; stay on a step or go lower if the patient is sedated or unwell. '
          : 'Each row is a ceiling: do not exceed it. '}
        Dates are the earliest a step may start.
        {mmeNotForThisPlan(plan, request) ? ' No MME is shown: MME conversion is not for dosing methadone for opioid use disorder (CDC 2022).' : ''}
      </p>
      <Exports plan={plan} request={request} today={today} />
      <Suspense fallback={<p className="muted">Loading the dispensing…</p>}>
        <Dispensing plan={plan} />
      </Suspense>
      <Suspense fallback={<p className="muted">Loading the working…</p>}>
        <Derivation plan={plan} />
      </Suspense>
    </article>
  );
}

const ACRONYMS = new Set(['MAOI', 'SSRI', 'SNRI', 'QT', 'QTC', 'CYP', 'CYP3A4', 'CYP2D6', 'ER', 'IR', 'OUD', 'MME', 'CNS', 'TCA', 'ECG', 'INR']);

/** A refusal code in words: MAOI_CONTRAINDICATED_OPIOID → "MAOI contraindicated opioid". */
/** Abbreviations in codes that a reader would not know, in words. */
const CODE_WORDS: Record<string, string> = { BZD: 'benzodiazepine', ZDRUG: 'Z-drug' };

export function codeInWords(code: string): string {
  const words = code
    .split(/[_\s]+/)
    .filter(Boolean)
    .map((word) => CODE_WORDS[word.toUpperCase()] ?? (ACRONYMS.has(word.toUpperCase()) ? word.toUpperCase() : word.toLowerCase()));
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The alternative plan's product in words: "morphine immediate-release tablet" (the product its last step uses). */
export function alternativeName(plan: RestartPlan): string {
  const last = plan.steps[plan.steps.length - 1];
  return last ? `${last.displayName} ${last.formulationName}` : `${plan.displayName} ${priorFormulationName(plan)}`;
}

/** The refused product in words: "fentaNYL transdermal patch". */
export function refusedName(refusal: PlanRefusal): string {
  return `${refusal.displayName} ${stepFormulationName({ drug: refusal.drug, formulation: refusal.formulation })}`;
}

/**
 * The phone's sticky "View plan" link: the first step of a plan; for a refusal, that there is no plan and why,
 * and the alternative plan's first step when there is one.
 */
export function viewPlanLinkText(result: { readonly plan?: RestartPlan; readonly refusal?: PlanRefusal }): string | null {
  const plan = result.plan;
  if (plan?.steps[0]) return `View plan: ${firstStepText(plan, plan.steps[0])} from ${displayDate(plan.steps[0].start)}`;
  const refusal = result.refusal;
  if (!refusal) return null;
  const alt = refusal.alternativePlan?.steps[0];
  return alt
    ? `No plan: blocked (${codeInWords(refusal.code)}). Alternative: ${firstStepText(refusal.alternativePlan!, alt)} from ${displayDate(alt.start)}`
    : `No plan: blocked (${codeInWords(refusal.code)}). View why`;
}

/** The alternative's full plan, under the refusal, titled as the alternative; its exports say they are for it. */
function AlternativePlan({ plan, refusal, request, today }: { readonly plan: RestartPlan; readonly refusal: PlanRefusal; readonly request?: unknown; readonly today?: string }) {
  const critical = plan.warnings.filter((w) => w.severity === 'critical');
  const other = plan.warnings.filter((w) => w.severity !== 'critical');
  const name = alternativeName(plan);
  return (
    <section className="alternative-plan" aria-labelledby="alternative-title">
      <h3 id="alternative-title">Alternative plan: {name}</h3>
      <p className="alternative-note">
        This is the plan for the alternative, not for {refusedName(refusal)} (no plan can be given for it). Each dose is a ceiling.
      </p>
      <PlanSummary plan={plan} criticalCount={critical.length} idPrefix="alt-" />
      <WarningList warnings={critical} sources={plan.sources} critical idPrefix="alt-" title="Critical warnings for the alternative plan" />
      <WarningList warnings={other} sources={plan.sources} critical={false} idPrefix="alt-" title="Other warnings for the alternative plan" />
      <p>
        <strong>Tolerance:</strong> {toleranceSentence(plan)}
      </p>
      <PriorComponents plan={plan} />
      <ScheduleTable plan={plan} caption={`Alternative plan schedule: ${name}`} hideEquivalent={mmeNotForThisPlan(plan, request)} />
      <p className="table-note">Each row is a ceiling: do not exceed it. Dates are the earliest a step may start.</p>
      <Exports plan={plan} request={request} today={today} alternativeTo={refusal} />
      <Suspense fallback={<p className="muted">Loading the working…</p>}>
        <Derivation plan={plan} idPrefix="alt-" title="How the alternative plan was calculated" />
      </Suspense>
    </section>
  );
}

/**
 * A refusal (no plan: a labelled contraindication), shown at least as clearly as a critical warning: what is
 * refused and why, its sources, the earliest date a plan can be made and what to do instead; then the
 * alternative's full plan when the engine gives one.
 */
export function RefusalView({ refusal, request, today }: { readonly refusal: PlanRefusal; readonly request?: unknown; readonly today?: string }) {
  const critical = refusal.warnings.filter((w) => w.severity === 'critical');
  const other = refusal.warnings.filter((w) => w.severity !== 'critical');
  const alternativePlan = refusal.alternativePlan;
  return (
    <article className="plan refusal" aria-labelledby="plan-title">
      <DisclaimerBanner />
      <h2 id="plan-title" tabIndex={-1}>
        No plan: {refusal.displayName} cannot be restarted now
      </h2>
      <section className="refusal-box" aria-labelledby="refusal-title">
        <h3 id="refusal-title">
          <span className="severity">Blocked:</span> {codeInWords(refusal.code)}
        </h3>
        <p className="refusal-reason">{refusal.message}</p>
        <dl>
          {refusal.earliestPlanDate ? (
            <div>
              <dt>Earliest date a plan can be made</dt>
              <dd>
                <strong>{displayDate(refusal.earliestPlanDate)}</strong>
              </dd>
            </div>
          ) : null}
          {refusal.alternative ? (
            <div>
              <dt>Instead</dt>
              <dd>
                {refusal.alternative}
                {alternativePlan ? (
                  <>
                    {' '}
                    <a href="#alternative-title">See the alternative plan: {alternativeName(alternativePlan)}</a>
                  </>
                ) : null}
              </dd>
            </div>
          ) : alternativePlan ? (
            <div>
              <dt>Instead</dt>
              <dd>
                <a href="#alternative-title">See the alternative plan: {alternativeName(alternativePlan)}</a>
              </dd>
            </div>
          ) : null}
          <div>
            <dt>Days off</dt>
            <dd>{plural(refusal.daysOff, 'day')} off ({plural(refusal.missedDays, 'missed day')})</dd>
          </div>
        </dl>
        <p>
          <SourceLinks ids={refusal.reasonSources} sources={refusal.sources} />
        </p>
        <p className="muted">Code: {refusal.code}</p>
      </section>
      {alternativePlan ? <AlternativePlan plan={alternativePlan} refusal={refusal} request={request} today={today} /> : null}
      <WarningList warnings={critical} sources={refusal.sources} critical title={alternativePlan ? `Critical warnings for ${refusedName(refusal)}` : undefined} />
      <WarningList warnings={other} sources={refusal.sources} critical={false} title={alternativePlan ? `Other warnings for ${refusedName(refusal)}` : undefined} />
      {refusal.derivation.length ? (
        <Suspense fallback={<p className="muted">Loading the working…</p>}>
          <Derivation plan={refusal} title="How this was decided" idPrefix="refusal-" />
        </Suspense>
      ) : null}
    </article>
  );
}
