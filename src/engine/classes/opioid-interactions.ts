/**
 * Opioid interactions (amendment A1; docs/clinical-model.md, Opioids): MAOI contraindication, serotonin
 * syndrome, tramadol seizure risk, CYP2D6 and CYP3A4 changes. Pure functions of the request, used by every
 * opioid planner (full agonists, methadone, buprenorphine).
 */
import { Decimal } from 'decimal.js';
import { OPIOID_INTERACTIONS } from '../../protocols/opioids/interactions.ts';
import type { InteractionCategory, Provenance } from '../../protocols/types.ts';
import { addCalendarDays, calendarDaysBetween } from '../dates.ts';
import { checkedDate, type IsoDate } from '../units.ts';
import type { PlanNotes } from '../notes.ts';
import { catalogDrug, concurrentCategories, concurrentName } from '../registry.ts';
import type { ConcurrentMedication, PlanRefusal, RestartRequest, Severity } from '../types.ts';

const I = OPIOID_INTERACTIONS;

/** One interaction finding: a warning with what triggered it, for the plan and its derivation. */
export interface InteractionFinding {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly sources: readonly string[];
  /** The derivation line: the rule and the input that triggered it. */
  readonly derivation: string;
  readonly provenance: readonly Provenance[];
}

/** A labelled contraindication that blocks any plan (amendment A1, BLOCK). */
export interface MaoiContraindication {
  readonly code: 'MAOI_CONTRAINDICATED_OPIOID';
  /** The request field of the MAOI, e.g. `concurrent.0`. */
  readonly path: string;
  readonly message: string;
  readonly alternative: string;
  readonly reasonSources: readonly string[];
  readonly earliestPlanDate?: IsoDate;
  readonly derivation: string;
  readonly provenance: readonly Provenance[];
}

/** The first-step cap after an interaction change that raises opioid exposure. */
export interface ExposureChangeCap {
  readonly fraction: Decimal;
  /** What changed, in words, each naming the input: "clarithromycin (concurrent.0) started 2026-11-03". */
  readonly reasons: readonly string[];
  readonly codes: readonly ('CYP3A4_INTERACTION' | 'CYP2D6_INTERACTION')[];
  readonly provenance: readonly Provenance[];
}

interface Entry {
  readonly medication: ConcurrentMedication;
  readonly path: string;
  readonly categories: readonly InteractionCategory[];
  readonly name: string;
  /** Taken on the restart date (not stopped on or before it). */
  readonly current: boolean;
}

/** Concurrent entries other than the planned drug itself (a drug listed as its own co-medication is left out). */
function entries(request: RestartRequest, drugId: string): Entry[] {
  return request.concurrentHistory
    .map((medication, index) => ({
      medication,
      path: `concurrent.${index}`,
      categories: concurrentCategories(medication.drug),
      name: concurrentName(medication.drug),
      current: medication.stoppedOn === undefined || medication.stoppedOn > request.restartDate,
    }))
    .filter((entry) => entry.medication.drug !== drugId);
}

const has = (entry: Entry, category: InteractionCategory) => entry.categories.includes(category);
const isReversibleMaoi = (entry: Entry) => has(entry, 'maoi-reversible');
const describeEntry = (entry: Entry) => `${entry.name} (${entry.path})`;

/** The first day a change counts: `cypChangeWindowDays` before the last dose. */
function changeWindowStart(request: RestartRequest): IsoDate {
  return addCalendarDays(checkedDate(request.lastDoseDate), -I.cypChangeWindowDays.value);
}
const inWindow = (request: RestartRequest, date: string | undefined) =>
  date !== undefined && date >= changeWindowStart(request) && date <= request.restartDate;

/**
 * Tramadol, tapentadol, meperidine with an MAOI now or within 14 days (linezolid or intravenous methylene blue:
 * while in use and for 24 hours after): the label contraindication. Null when none applies.
 */
export function maoiContraindication(request: RestartRequest, drugId: string): MaoiContraindication | null {
  if (!I.maoiContraindicated.value.includes(drugId)) return null;
  const name = catalogDrug(drugId)?.displayName ?? drugId;
  let found: { entry: Entry; earliest?: IsoDate } | null = null;
  for (const entry of entries(request, drugId).filter((e) => has(e, 'maoi'))) {
    const stopped = entry.medication.stoppedOn;
    const wait = isReversibleMaoi(entry) ? I.reversibleMaoiWaitDays.value : I.maoiWindowDays.value;
    if (entry.current) {
      found = { entry };
      break;
    }
    const earliest = addCalendarDays(checkedDate(stopped!), wait);
    if (earliest > request.restartDate && (!found || (found.earliest !== undefined && earliest > found.earliest))) found = { entry, earliest };
  }
  if (!found) return null;
  const { entry, earliest } = found;
  const reversible = isReversibleMaoi(entry);
  const wait = reversible ? I.reversibleMaoiWaitDays : I.maoiWindowDays;
  const when = earliest
    ? `its last dose was ${entry.medication.stoppedOn}, so a plan can be made from ${earliest}`
    : `it is still taken; a plan can be made ${reversible ? '24 hours' : `${I.maoiWindowDays.value} days`} after its last dose`;
  return {
    code: 'MAOI_CONTRAINDICATED_OPIOID',
    path: entry.path,
    message: `${name} is contraindicated with an MAOI (${describeEntry(entry)}) or within ${reversible ? '24 hours' : `${I.maoiWindowDays.value} days`} of its last dose (label contraindication: serotonin syndrome); ${when}.`,
    alternative: `If analgesia is needed now, use a non-serotonergic opioid (morphine, oxyCODONE or HYDROmorphone) with the MAOI warning, planned separately; ${name} may be planned${earliest ? ` from ${earliest}` : ' once the MAOI has been stopped for the washout'}.`,
    reasonSources: [...new Set(['label-tramadol-contraindications', 'nucynta-patient-info', 'mims-tramadol-interactions', ...(reversible ? ['fda-linezolid-serotonergic-2011'] : [])])],
    ...(earliest ? { earliestPlanDate: earliest } : {}),
    derivation: `MAOI_CONTRAINDICATED_OPIOID: ${name} with ${describeEntry(entry)}${entry.medication.stoppedOn ? `, last dose ${entry.medication.stoppedOn}` : ', taken now'}; contraindicated now or within ${reversible ? `${wait.value} day (24 hours)` : `${wait.value} days`} of an MAOI: no plan${earliest ? ` before ${earliest}` : ''}.`,
    provenance: [I.maoiContraindicated, wait],
  };
}

/** Serotonergic, MAOI, seizure and CYP warnings for an opioid plan (amendment A1). Never lowers a dose by itself. */
export function interactionFindings(request: RestartRequest, drugId: string): InteractionFinding[] {
  const findings: InteractionFinding[] = [];
  const name = catalogDrug(drugId)?.displayName ?? drugId;
  const all = entries(request, drugId);
  const current = all.filter((e) => e.current);
  const daysSinceStop = (e: Entry) => calendarDaysBetween(e.medication.stoppedOn!, request.restartDate);

  // MAOIs for opioids that are not contraindicated (the contraindicated ones are refused before this).
  const blockable = I.maoiContraindicated.value.includes(drugId);
  const maois = all.filter((e) => has(e, 'maoi') && (e.current || daysSinceStop(e) < I.maoiWindowDays.value));
  if (maois.length && !blockable) {
    findings.push({
      code: 'MAOI_OPIOID_NOT_RECOMMENDED',
      severity: 'critical',
      message: `${name} with an MAOI (${maois.map(describeEntry).join(', ')}), now or within ${I.maoiWindowDays.value} days: not recommended. The interaction may show as serotonin syndrome or as opioid toxicity (respiratory depression, coma); if used, start low and watch closely.`,
      sources: ['label-methadone-maoi', 'fda-opioid-safety-2016'],
      derivation: `MAOI_OPIOID_NOT_RECOMMENDED: ${maois.map((e) => `${describeEntry(e)}${e.current ? ' taken now' : ` last dose ${e.medication.stoppedOn}`}`).join(', ')}, within ${I.maoiWindowDays.value} days of the restart.`,
      provenance: [I.maoiNotRecommended, I.maoiWindowDays],
    });
  }

  // Serotonin syndrome: any serotonergic drug now; linezolid or methylene blue stopped within 14 days.
  const serotonergic = current.filter((e) => has(e, 'serotonergic') || has(e, 'maoi'));
  const recentReversible = all.filter((e) => !e.current && isReversibleMaoi(e) && daysSinceStop(e) < I.reversibleMaoiWarningDays.value);
  const selfSerotonergic = concurrentCategories(drugId).includes('serotonergic');
  const critical = I.serotoninCritical.value.includes(drugId);
  const triggers = [...serotonergic, ...recentReversible];
  if (triggers.length) {
    const severity: Severity = critical || recentReversible.length ? 'critical' : 'warning';
    findings.push({
      code: 'SEROTONIN_SYNDROME_RISK',
      severity,
      message: `${name} with ${triggers.map((e) => `${e.name}${e.current ? '' : ` (last dose ${e.medication.stoppedOn})`}`).join(', ')}: risk of serotonin syndrome (agitation, hallucinations, fast heart rate, fever, sweating, shivering, tremor, muscle twitching or stiffness, diarrhoea). Symptoms usually start within hours to days of starting or increasing a drug; if suspected, stop one of the drugs and seek urgent care.`,
      sources: ['fda-opioid-safety-2016', 'mims-tramadol-interactions', ...(recentReversible.length ? ['fda-linezolid-serotonergic-2011'] : [])],
      derivation: `SEROTONIN_SYNDROME_RISK (${severity}): ${triggers.map(describeEntry).join(', ')} with ${name}${critical ? ` (${selfSerotonergic ? 'a serotonergic opioid' : 'an opioid'} reported more often in serotonin syndrome: critical)` : ' (all opioid labels carry the warning)'}${recentReversible.length ? `; linezolid or methylene blue stopped less than ${I.reversibleMaoiWarningDays.value} days ago: critical` : ''}.`,
      provenance: [critical ? I.serotoninCritical : I.serotoninAllOpioids, ...(recentReversible.length ? [I.reversibleMaoiWarningDays] : [])],
    });
  }

  // Tramadol seizure risk.
  if (I.seizureRisk.value.includes(drugId)) {
    const lowering = current.filter(
      (e) =>
        has(e, 'serotonergic') || has(e, 'maoi') || has(e, 'antipsychotic') || has(e, 'opioid') || has(e, 'seizure-threshold') ||
        catalogDrug(e.medication.drug)?.class === 'antidepressant',
    );
    const thresholdDrugs = current.filter((e) => has(e, 'seizure-threshold'));
    const withdrawal = all.filter(
      (e) =>
        !e.current &&
        (has(e, 'benzodiazepine') || has(e, 'z-drug') || has(e, 'alcohol')) &&
        daysSinceStop(e) <= I.seizureWithdrawalWindowDays.value,
    );
    const history = request.patient.seizureHistory;
    if (lowering.length || history || withdrawal.length) {
      const why = [
        ...(lowering.length ? [`with ${lowering.map(describeEntry).join(', ')}`] : []),
        ...(history ? ['a history of seizures (patient.seizureHistory)'] : []),
        ...(withdrawal.length ? [`${withdrawal.map(describeEntry).join(', ')} stopped within ${I.seizureWithdrawalWindowDays.value} days (withdrawal window)`] : []),
      ];
      const severity: Severity = history || thresholdDrugs.length || withdrawal.length ? 'critical' : 'warning';
      findings.push({
        code: 'TRAMADOL_SEIZURE_RISK',
        severity,
        message: `Tramadol lowers the seizure threshold: seizure risk is higher ${why.join('; ')}. Keep to the lowest effective dose and never above the label maximum.`,
        sources: ['mims-tramadol-interactions', 'label-tramadol'],
        derivation: `TRAMADOL_SEIZURE_RISK (${severity}): ${why.join('; ')}.`,
        provenance: [I.seizureRisk, ...(withdrawal.length ? [I.seizureWithdrawalWindowDays] : [])],
      });
    }
  }

  // CYP2D6 (tramadol, codeine).
  if (I.cyp2d6Prodrugs.value.includes(drugId)) {
    const inhibitors = all.filter((e) => has(e, 'cyp2d6-inhibitor'));
    const started = inhibitors.filter((e) => e.current && inWindow(request, e.medication.startedOn));
    const stopped = inhibitors.filter((e) => !e.current && inWindow(request, e.medication.stoppedOn));
    const steady = inhibitors.filter((e) => e.current && !started.includes(e));
    if (started.length || stopped.length || steady.length) {
      const parts = [
        ...started.map((e) => `${describeEntry(e)} started ${e.medication.startedOn}: more ${name}, less active metabolite (${drugId === 'tramadol' ? 'seizure and serotonin-syndrome risk; less pain relief, possible withdrawal' : 'less pain relief, possible withdrawal'})`),
        ...stopped.map((e) => `${describeEntry(e)} stopped ${e.medication.stoppedOn}: the active metabolite rises (respiratory depression); the first step is capped`),
        ...steady.map((e) => `${describeEntry(e)} taken through the break: less active metabolite and less pain relief`),
      ];
      const severity: Severity = started.length || stopped.length ? 'critical' : 'warning';
      findings.push({
        code: 'CYP2D6_INTERACTION',
        severity,
        message: `${name} and a CYP2D6 inhibitor: ${parts.join('; ')}. Monitor for sedation and breathing problems and for withdrawal; adjust only under review.`,
        sources: ['label-tramadol-apap-interactions'],
        derivation: `CYP2D6_INTERACTION (${severity}): ${parts.join('; ')} (a start or stop from ${changeWindowStart(request)}, ${I.cypChangeWindowDays.value} days before the last dose, counts as a change).`,
        provenance: [I.cyp2d6Prodrugs, I.cypChangeWindowDays],
      });
    }
  }

  // CYP3A4 (fentanyl, oxycodone, methadone, hydrocodone, tramadol, buprenorphine).
  if (I.cyp3a4Substrates.value.includes(drugId)) {
    const inhibitors = all.filter((e) => has(e, 'cyp3a4-inhibitor'));
    const inducers = all.filter((e) => has(e, 'cyp3a4-inducer'));
    const raising = [
      ...inhibitors.filter((e) => e.current && inWindow(request, e.medication.startedOn)).map((e) => `${describeEntry(e)}, a CYP3A4 inhibitor, started ${e.medication.startedOn}`),
      ...inducers.filter((e) => !e.current && inWindow(request, e.medication.stoppedOn)).map((e) => `${describeEntry(e)}, a CYP3A4 inducer, stopped ${e.medication.stoppedOn}`),
    ];
    const steady = [
      ...inhibitors.filter((e) => e.current && !inWindow(request, e.medication.startedOn)).map((e) => `${describeEntry(e)}, a CYP3A4 inhibitor, taken through the break (higher ${name} levels)`),
      ...inducers.filter((e) => e.current && inWindow(request, e.medication.startedOn)).map((e) => `${describeEntry(e)}, a CYP3A4 inducer, started ${e.medication.startedOn} (lower levels: withdrawal possible)`),
      ...inducers.filter((e) => e.current && !inWindow(request, e.medication.startedOn)).map((e) => `${describeEntry(e)}, a CYP3A4 inducer, taken through the break (lower levels; stopping it later raises them)`),
      ...inhibitors.filter((e) => !e.current && inWindow(request, e.medication.stoppedOn)).map((e) => `${describeEntry(e)}, a CYP3A4 inhibitor, stopped ${e.medication.stoppedOn} (levels fall: withdrawal possible)`),
    ];
    if (raising.length || steady.length) {
      const severity: Severity = raising.length ? 'critical' : 'warning';
      findings.push({
        code: 'CYP3A4_INTERACTION',
        severity,
        message: `${name} and CYP3A4: ${[...raising.map((r) => `${r}: ${name} exposure rises (respiratory depression); the first step is capped`), ...steady].join('; ')}. Monitor for sedation and breathing problems; consider a lower dose.`,
        sources: ['fentanyl-cyp3a4-labels'],
        derivation: `CYP3A4_INTERACTION (${severity}): ${[...raising, ...steady].join('; ')} (a start or stop from ${changeWindowStart(request)}, ${I.cypChangeWindowDays.value} days before the last dose, counts as a change).`,
        provenance: [I.cyp3a4Substrates, I.cypChangeWindowDays],
      });
    }
  }
  return findings;
}

/**
 * Whether an interaction change during the break, or within 14 days before it, raises the opioid's exposure:
 * a CYP3A4 inhibitor started or a CYP3A4 inducer stopped (CYP3A4 substrates), or a CYP2D6 inhibitor stopped
 * (tramadol, codeine). Then the first step is at most `fraction` × what the missed-day anchors give, never below
 * the opioid-naive start (the caller applies both bounds). Null when nothing changed.
 */
export function exposureChangeCap(request: RestartRequest, drugId: string): ExposureChangeCap | null {
  const all = entries(request, drugId);
  const reasons: string[] = [];
  const codes: ExposureChangeCap['codes'][number][] = [];
  const provenance: Provenance[] = [];
  if (I.cyp3a4Substrates.value.includes(drugId)) {
    const started = all.filter((e) => has(e, 'cyp3a4-inhibitor') && e.current && inWindow(request, e.medication.startedOn));
    const stopped = all.filter((e) => has(e, 'cyp3a4-inducer') && !e.current && inWindow(request, e.medication.stoppedOn));
    reasons.push(
      ...started.map((e) => `${describeEntry(e)}, a CYP3A4 inhibitor, started ${e.medication.startedOn}`),
      ...stopped.map((e) => `${describeEntry(e)}, a CYP3A4 inducer, stopped ${e.medication.stoppedOn}`),
    );
    if (started.length || stopped.length) {
      codes.push('CYP3A4_INTERACTION');
      provenance.push(I.cyp3a4Substrates);
    }
  }
  if (I.cyp2d6Prodrugs.value.includes(drugId)) {
    const stopped = all.filter((e) => has(e, 'cyp2d6-inhibitor') && !e.current && inWindow(request, e.medication.stoppedOn));
    reasons.push(...stopped.map((e) => `${describeEntry(e)}, a CYP2D6 inhibitor, stopped ${e.medication.stoppedOn}`));
    if (stopped.length) {
      codes.push('CYP2D6_INTERACTION');
      provenance.push(I.cyp2d6Prodrugs);
    }
  }
  if (!reasons.length) return null;
  return { fraction: new Decimal(I.exposureCapFraction.value), reasons, codes, provenance: [...provenance, I.cypChangeWindowDays, I.exposureCapFraction] };
}

/**
 * The same A1 rules seen from the plan of a serotonergic drug (antidepressants, MAOIs): a concurrent opioid
 * taken on the restart date raises SEROTONIN_SYNDROME_RISK with the severity the opioid's own plan gives
 * (critical for the serotonergic opioids and those reported more often, a warning for the rest); a planned MAOI
 * with tramadol, tapentadol or meperidine carries the opioid's label contraindication (critical), with other
 * opioids the label's "not recommended" (critical). `plannedIsMaoi` says whether the planned drug is an MAOI.
 */
export function serotonergicPlanOpioidFindings(request: RestartRequest, plannedDrugId: string, plannedIsMaoi: boolean): InteractionFinding[] {
  const name = catalogDrug(plannedDrugId)?.displayName ?? plannedDrugId;
  const opioids = entries(request, plannedDrugId).filter((e) => e.current && has(e, 'opioid'));
  if (!opioids.length) return [];
  const findings: InteractionFinding[] = [];
  if (plannedIsMaoi) {
    const contraindicated = opioids.filter((e) => I.maoiContraindicated.value.includes(e.medication.drug));
    const notRecommended = opioids.filter((e) => !contraindicated.includes(e));
    if (contraindicated.length) {
      const list = contraindicated.map(describeEntry).join(', ');
      findings.push({
        code: 'MAOI_CONTRAINDICATED_OPIOID',
        severity: 'critical',
        message: `${name} is an MAOI and ${contraindicated.map((e) => e.name).join(', ')} is taken: the opioid's label contraindicates it with an MAOI or within ${I.maoiWindowDays.value} days of one (serotonin syndrome). Do not give them together; if analgesia is needed, use a non-serotonergic opioid (morphine, oxyCODONE or HYDROmorphone) with the MAOI warning.`,
        sources: ['label-tramadol-contraindications', 'nucynta-patient-info', 'mims-tramadol-interactions'],
        derivation: `MAOI_CONTRAINDICATED_OPIOID (critical): ${list} with the MAOI ${name}; the opioid is contraindicated with an MAOI now or within ${I.maoiWindowDays.value} days.`,
        provenance: [I.maoiContraindicated, I.maoiWindowDays],
      });
    }
    if (notRecommended.length) {
      findings.push({
        code: 'MAOI_OPIOID_NOT_RECOMMENDED',
        severity: 'critical',
        message: `${name} is an MAOI and ${notRecommended.map((e) => e.name).join(', ')} is taken: not recommended together (opioid label). The interaction may show as serotonin syndrome or as opioid toxicity (respiratory depression, coma); if used, start low and watch closely.`,
        sources: ['label-methadone-maoi', 'fda-opioid-safety-2016'],
        derivation: `MAOI_OPIOID_NOT_RECOMMENDED (critical): ${notRecommended.map(describeEntry).join(', ')} with the MAOI ${name}.`,
        provenance: [I.maoiNotRecommended, I.maoiWindowDays],
      });
    }
  }
  const criticalOpioids = opioids.filter((e) => I.serotoninCritical.value.includes(e.medication.drug));
  const severity: Severity = criticalOpioids.length ? 'critical' : 'warning';
  findings.push({
    code: 'SEROTONIN_SYNDROME_RISK',
    severity,
    message: `${name} with ${opioids.map((e) => e.name).join(', ')}: risk of serotonin syndrome (agitation, hallucinations, fast heart rate, fever, sweating, shivering, tremor, muscle twitching or stiffness, diarrhoea). Symptoms usually start within hours to days of starting or increasing a drug; if suspected, stop one of the drugs and seek urgent care.`,
    sources: ['fda-opioid-safety-2016', 'mims-tramadol-interactions'],
    derivation: `SEROTONIN_SYNDROME_RISK (${severity}): ${opioids.map(describeEntry).join(', ')} with the serotonergic ${name}${criticalOpioids.length ? ` (${criticalOpioids.map((e) => e.name).join(', ')}: an opioid reported more often in serotonin syndrome: critical)` : ' (all opioid labels carry the warning)'}.`,
    provenance: [criticalOpioids.length ? I.serotoninCritical : I.serotoninAllOpioids],
  });
  return findings;
}

/** Writes the interaction findings to a plan: each warning and its derivation line with provenance. */
export function opioidInteractionWarnings(notes: PlanNotes, request: RestartRequest, drugId: string): void {
  for (const finding of interactionFindings(request, drugId)) {
    notes.warn(finding.code, finding.severity, finding.message, finding.sources);
    notes.line(`Warning ${finding.derivation}`, ...finding.provenance);
  }
}

/**
 * The refusal for an MAOI contraindication (BLOCK), or null when none applies. Planners call it before any
 * dose arithmetic; the working so far (the derivation line of the contraindication) goes with it.
 */
export function maoiRefusal(
  notes: PlanNotes,
  request: RestartRequest,
  product: { readonly drug: string; readonly formulation: string; readonly displayName: string },
  breakDays: { readonly daysOff: number; readonly missedDays: number },
): PlanRefusal | null {
  const block = maoiContraindication(request, product.drug);
  if (!block) return null;
  notes.line(block.derivation, ...block.provenance);
  return notes.refuse({
    code: block.code,
    path: block.path,
    drug: product.drug,
    formulation: product.formulation,
    displayName: product.displayName,
    message: block.message,
    reasonSources: block.reasonSources,
    ...(block.earliestPlanDate ? { earliestPlanDate: block.earliestPlanDate } : {}),
    alternative: block.alternative,
    daysOff: breakDays.daysOff,
    missedDays: breakDays.missedDays,
  });
}
