/**
 * "How tolerance is lost" (educators, lazy-loaded): the retained fraction against missed days for a
 * class (benzodiazepines per drug: the withdrawal window depends on the half-life), drawn from the same anchors
 * the planners use (`toleranceCurves`). d3-scale/d3-shape compute the geometry; React renders SVG.
 * The anchor points are focusable buttons over the chart (hover or focus shows the source), and a
 * data table gives the same values.
 */
import { scaleLinear } from 'd3-scale';
import { curveStepAfter, line } from 'd3-shape';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { RestartPlan } from '../engine/api.ts';
import { toleranceCurves, type CurveAnchor, type CurveProvenance, type ToleranceCurve } from '../engine/curves.ts';
import { ASSUMPTIONS } from '../protocols/assumptions.ts';

/** The opioid curve is the methadone missed-dose rules applied to every full agonist: an engine assumption. */
const OPIOID_CURVE_ASSUMPTION = 'opioid-anchors-all-full-agonists';

const WIDTH = 640;
const HEIGHT = 300;
const MARGIN = { top: 16, right: 20, bottom: 56, left: 56 };
const INNER_W = WIDTH - MARGIN.left - MARGIN.right;
const INNER_H = HEIGHT - MARGIN.top - MARGIN.bottom;

type ClassChoice = 'opioid' | 'benzodiazepine' | 'antidepressant';

export function percent(fraction: string | number): string {
  return `${Math.round(Number(fraction) * 100)}%`;
}

function provenanceText(p: CurveProvenance): string {
  return p.kind === 'source' ? `${p.issuer}, ${p.year}: ${p.locator}` : `Engine assumption: ${p.statement}`;
}

function ProvenanceView({ p }: { readonly p: CurveProvenance }) {
  if (p.kind === 'assumption')
    return (
      <>
        <span className="tag assumption-tag">Engine assumption</span> {p.statement}
      </>
    );
  return (
    <>
      {p.url ? (
        <a href={p.url} title={p.title} target="_blank" rel="noopener noreferrer">
          {p.issuer}, {p.year}
        </a>
      ) : (
        `${p.issuer}, ${p.year}`
      )}
      : {p.locator}
    </>
  );
}

export function anchorName(anchor: CurveAnchor): string {
  return `From ${anchor.fromMissedDays} missed ${anchor.fromMissedDays === 1 ? 'day' : 'days'}: retained fraction ${anchor.retainedFraction} (${percent(anchor.retainedFraction)})`;
}

interface PatientPoint {
  readonly missedDays: number;
  readonly fraction: string;
  readonly status: string;
}

function Chart({ curve, patient }: { readonly curve: ToleranceCurve; readonly patient: PatientPoint | null }) {
  const id = useId();
  const [active, setActive] = useState<number | null>(null);
  const last = curve.anchors[curve.anchors.length - 1]!;
  // At least two weeks, so the flat tail after the last anchor shows; a patient just beyond it widens the axis.
  const natural = Math.max(14, Math.ceil(last.fromMissedDays + Math.max(5, last.fromMissedDays * 0.25)));
  const xMax = patient && patient.missedDays + 2 > natural && patient.missedDays <= natural * 1.5 ? patient.missedDays + 2 : natural;
  const x = scaleLinear().domain([0, xMax]).range([0, INNER_W]);
  const y = scaleLinear().domain([0, 1]).range([INNER_H, 0]);
  const points: [number, number][] = [...curve.anchors.map((a): [number, number] => [a.fromMissedDays, Number(a.retainedFraction)]), [xMax, Number(last.retainedFraction)]];
  const path = line<[number, number]>()
    .x((d) => x(d[0]))
    .y((d) => y(d[1]))
    .curve(curveStepAfter)(points) ?? '';
  const xTicks = x.ticks(7);
  const yTicks = [0, 0.25, 0.5, 0.75, 1];
  const patientX = patient ? Math.min(patient.missedDays, xMax) : 0;
  const offScale = patient ? patient.missedDays > xMax : false;
  const describe = `Step chart of the share of the previous daily dose still tolerated (retained fraction) against missed days for ${curve.displayName}. ${curve.anchors
    .map(anchorName)
    .join('. ')}.${patient ? ` This patient: ${patient.missedDays} missed days, retained fraction ${patient.fraction} (${percent(patient.fraction)}).` : ''}`;
  const left = (value: number) => `${((MARGIN.left + x(value)) / WIDTH) * 100}%`;
  const top = (value: number) => `${((MARGIN.top + y(value)) / HEIGHT) * 100}%`;
  const activeAnchor = active === null ? null : curve.anchors[active];

  return (
    <figure className="chart">
      <div className="chart-box">
        <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} className="chart-svg">
          <title id={`${id}-title`}>Retained fraction by missed days: {curve.displayName}</title>
          <desc id={`${id}-desc`}>{describe}</desc>
          <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
            {yTicks.map((t) => (
              <g key={`y${t}`} transform={`translate(0,${y(t)})`}>
                <line x2={INNER_W} className="grid" />
                <text x={-8} dy="0.32em" textAnchor="end" className="tick">
                  {percent(t)}
                </text>
              </g>
            ))}
            {xTicks.map((t) => (
              <g key={`x${t}`} transform={`translate(${x(t)},${INNER_H})`}>
                <line y2={5} className="axis" />
                <text y={18} textAnchor="middle" className="tick">
                  {t}
                </text>
              </g>
            ))}
            <line x1={0} x2={INNER_W} y1={INNER_H} y2={INNER_H} className="axis" />
            <line x1={0} x2={0} y1={0} y2={INNER_H} className="axis" />
            <path d={path} className="curve" />
            {curve.anchors.map((a) => (
              <circle key={a.fromMissedDays} cx={x(a.fromMissedDays)} cy={y(Number(a.retainedFraction))} r={4} className="anchor-dot" />
            ))}
            {patient ? (
              <g className="patient" transform={`translate(${x(patientX)},${y(Number(patient.fraction))})`}>
                <path d="M0,-9 L9,0 L0,9 L-9,0 Z" className="patient-mark" />
                <text x={patientX > xMax * 0.6 ? -12 : 12} y={-14} textAnchor={patientX > xMax * 0.6 ? 'end' : 'start'} className="patient-label">
                  This patient{offScale ? ` (${patient.missedDays} days →)` : ''}
                </text>
              </g>
            ) : null}
            <text x={INNER_W / 2} y={INNER_H + 48} textAnchor="middle" className="axis-label">
              Missed days
            </text>
            <text transform={`translate(${-44},${INNER_H / 2}) rotate(-90)`} textAnchor="middle" className="axis-label y-label">
              Retained fraction
            </text>
          </g>
        </svg>
        <div className="chart-points" role="group" aria-label={`Anchor points for ${curve.displayName}: focus one to see its source`}>
          {curve.anchors.map((a, index) => (
            <button
              key={a.fromMissedDays}
              type="button"
              className="chart-point"
              style={{ left: left(a.fromMissedDays), top: top(Number(a.retainedFraction)) }}
              aria-label={anchorName(a)}
              aria-describedby={active === index ? `${id}-tip` : undefined}
              onMouseEnter={() => setActive(index)}
              onMouseLeave={() => setActive((current) => (current === index ? null : current))}
              onFocus={() => setActive(index)}
              onBlur={() => setActive((current) => (current === index ? null : current))}
              onKeyDown={(e) => e.key === 'Escape' && setActive(null)}
            />
          ))}
          {activeAnchor ? (
            <div
              id={`${id}-tip`}
              role="tooltip"
              className={`chart-tip${activeAnchor.fromMissedDays > xMax * 0.55 ? ' flip' : ''}`}
              style={{ left: left(activeAnchor.fromMissedDays), top: top(Number(activeAnchor.retainedFraction)) }}
            >
              <strong>{anchorName(activeAnchor)}.</strong> {activeAnchor.basis}. Source: {provenanceText(activeAnchor.source)}
              {activeAnchor.daySources ? `. Day from: ${activeAnchor.daySources.map(provenanceText).join('; ')}` : ''}
            </div>
          ) : null}
        </div>
      </div>
      <figcaption className="muted">
        Missed days: days with no dose between the last dose and the restart (days off − 1). Each step holds from its day until the next. The curve is a ceiling on the share of the previous daily dose treated as
        still tolerated, not a prediction for one patient.
      </figcaption>
    </figure>
  );
}

function DataTable({ curve }: { readonly curve: ToleranceCurve }) {
  return (
    <div className="table-wrap">
      <table className="schedule curve-table">
        <caption>Retained fraction by days off</caption>
        <thead>
          <tr>
            <th scope="col">From</th>
            <th scope="col">Days off (restart − last dose)</th>
            <th scope="col">Retained fraction</th>
            <th scope="col">What it means</th>
            <th scope="col">Source</th>
          </tr>
        </thead>
        <tbody>
          {curve.anchors.map((a) => (
            <tr key={a.fromMissedDays}>
              <th scope="row" data-label="From">
                {a.fromMissedDays} missed {a.fromMissedDays === 1 ? 'day' : 'days'}
              </th>
              <td data-label="Days off">{a.fromMissedDays + 1}</td>
              <td data-label="Retained fraction" className="num">
                {a.retainedFraction} ({percent(a.retainedFraction)})
              </td>
              <td data-label="What it means">{a.basis}</td>
              <td data-label="Source">
                <div>
                <ProvenanceView p={a.source} />
                {a.daySources ? (
                  <span className="day-sources">
                    {' '}
                    Day from:{' '}
                    {a.daySources.map((p, k) => (
                      <span key={k}>
                        {k > 0 ? '; ' : ''}
                        <ProvenanceView p={p} />
                      </span>
                    ))}
                  </span>
                ) : null}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default function EducatorChart({ plan }: { readonly plan: RestartPlan | null }) {
  const id = useId();
  const curves = useMemo(() => toleranceCurves(), []);
  const benzos = curves.filter((c) => c.drugClass === 'benzodiazepine');
  const planClass: ClassChoice = plan?.drugClass === 'benzodiazepine' || plan?.drugClass === 'antidepressant' ? plan.drugClass : 'opioid';
  const [choice, setChoice] = useState<ClassChoice>(planClass);
  const [benzo, setBenzo] = useState<string>(() => (plan?.drugClass === 'benzodiazepine' && benzos.some((c) => c.drug === plan.drug) ? plan.drug : (benzos[0]?.drug ?? '')));
  // When the form's drug changes, follow it to its class (and benzodiazepine); otherwise keep the reader's choice.
  const planDrug = plan?.drug;
  const seenDrug = useRef(planDrug);
  useEffect(() => {
    if (planDrug === seenDrug.current) return;
    seenDrug.current = planDrug;
    if (!planDrug) return;
    setChoice(planClass);
    if (planClass === 'benzodiazepine' && benzos.some((c) => c.drug === planDrug)) setBenzo(planDrug);
  }, [planDrug, planClass, benzos]);
  const curve =
    choice === 'benzodiazepine' ? benzos.find((c) => c.drug === benzo) : curves.find((c) => c.drugClass === choice);
  const [presenting, setPresenting] = useState(false);
  useEffect(() => {
    if (!presenting) return;
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && setPresenting(false);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [presenting]);
  const curveAssumption = choice === 'opioid' ? ASSUMPTIONS[OPIOID_CURVE_ASSUMPTION] : undefined;
  const patient: PatientPoint | null =
    plan && curve && curve.status === 'anchored' && plan.tolerance.status !== 'not-applicable' && plan.drugClass === curve.drugClass && (!curve.drug || curve.drug === plan.drug)
      ? { missedDays: plan.missedDays, fraction: plan.tolerance.retainedFraction, status: plan.tolerance.status }
      : null;

  return (
    <article className={presenting ? 'educator presenting' : 'educator'} aria-labelledby="educator-title">
      <div className="educator-head">
        <h2 id="educator-title">How tolerance is lost</h2>
        <button type="button" className="secondary small no-print" aria-pressed={presenting} onClick={() => setPresenting((on) => !on)}>
          {presenting ? 'Leave presentation mode' : 'Presentation mode'}
        </button>
      </div>
      <p>
        After a break the body’s tolerance falls, so the old dose can cause an overdose. Retitrate treats only a fraction of the
        previous daily dose as still tolerated, according to how many days were missed.
      </p>
      <div className="row educator-controls no-print">
        <fieldset className="class-choice">
          <legend>Drug class</legend>
          {(
            [
              ['opioid', 'Opioids'],
              ['benzodiazepine', 'Benzodiazepines and Z-drugs'],
              ['antidepressant', 'Antidepressants'],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className="check">
              <input type="radio" name={`${id}-class`} value={value} checked={choice === value} onChange={() => setChoice(value)} />
              <span>{label}</span>
            </label>
          ))}
        </fieldset>
        {choice === 'benzodiazepine' ? (
          <div className="field">
            <label htmlFor={`${id}-benzo`}>Benzodiazepine or Z-drug</label>
            <select id={`${id}-benzo`} value={benzo} onChange={(e) => setBenzo(e.target.value)}>
              {benzos.map((c) => (
                <option key={c.drug} value={c.drug}>
                  {c.displayName}
                </option>
              ))}
            </select>
            <p className="hint">The withdrawal window (the missed days in which a dependent patient restarts near the prior dose) depends on the drug’s longest half-life (parent or active metabolite).</p>
          </div>
        ) : null}
      </div>
      {curve && curve.status === 'anchored' ? (
        <>
          <h3>{curve.displayName}</h3>
          {curveAssumption ? (
            <p className="curve-assumption">
              <span className="tag assumption-tag">Engine assumption</span> {curveAssumption.statement} No guideline gives a
              tolerance-loss curve for other opioids; these are the methadone rules, borrowed.
            </p>
          ) : null}
          <Chart curve={curve} patient={patient} />
          {patient ? (
            <p className="patient-note">
              This patient: {patient.missedDays} missed {patient.missedDays === 1 ? 'day' : 'days'}, retained fraction {patient.fraction} (
              {percent(patient.fraction)}), tolerance {patient.status}.
            </p>
          ) : plan ? (
            <p className="muted">The current plan ({plan.displayName}) is not on this curve.</p>
          ) : null}
          <DataTable curve={curve} />
        </>
      ) : (
        <section aria-labelledby={`${id}-na`}>
          <h3 id={`${id}-na`}>Antidepressants: not applicable</h3>
          <p>{curve?.note ?? 'No retained fraction applies to this class.'}</p>
          <p className="muted">Tolerance status for these plans is “not-applicable”: no curve is drawn.</p>
        </section>
      )}
    </article>
  );
}
