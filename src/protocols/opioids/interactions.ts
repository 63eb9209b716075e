/**
 * Opioid interaction rules of amendment A1 (serotonergic drugs, MAOIs, seizure threshold, CYP3A4/CYP2D6),
 * as data: which opioids each rule concerns, its windows and the first-step cap. The engine side is
 * src/engine/classes/opioid-interactions.ts; the rules are explained in docs/clinical-model.md, Opioids.
 */
import { deepFreeze } from '../../lib/deepFreeze.ts';
import type { Citation, Sourced } from '../types.ts';

export interface OpioidInteractionRules {
  /** Opioids contraindicated with an MAOI now or within the window: no plan (BLOCK). */
  readonly maoiContraindicated: Sourced<readonly string[]>;
  /** Days after the last dose of an irreversible MAOI during which those opioids stay contraindicated. */
  readonly maoiWindowDays: Sourced<number>;
  /** Days after the last dose of linezolid or intravenous methylene blue before those opioids may be planned. */
  readonly reversibleMaoiWaitDays: Sourced<number>;
  /** Days after linezolid or methylene blue during which the serotonin-syndrome warning stays critical. */
  readonly reversibleMaoiWarningDays: Sourced<number>;
  /** Other opioids with an MAOI: not recommended (critical warning). */
  readonly maoiNotRecommended: Citation;
  /** Opioids whose serotonin-syndrome warning is critical; for the rest it is a warning. */
  readonly serotoninCritical: Sourced<readonly string[]>;
  /** Every opioid label carries the serotonin-syndrome warning. */
  readonly serotoninAllOpioids: Citation;
  /** Opioids with the seizure warning, and what lowers the threshold. */
  readonly seizureRisk: Sourced<readonly string[]>;
  /** Days after an alcohol or benzodiazepine stop during which a tramadol seizure warning is critical. */
  readonly seizureWithdrawalWindowDays: Sourced<number>;
  /** Prodrugs activated by CYP2D6: a CYP2D6 inhibitor stopped raises the active metabolite. */
  readonly cyp2d6Prodrugs: Sourced<readonly string[]>;
  /** Opioids whose exposure rises with a CYP3A4 inhibitor (or when an inducer is stopped). */
  readonly cyp3a4Substrates: Sourced<readonly string[]>;
  /** A start or stop this many days before the last dose, or during the break, counts as a change. */
  readonly cypChangeWindowDays: Sourced<number>;
  /** First step at most this fraction of what the missed-day anchors give, after a change that raises exposure. */
  readonly exposureCapFraction: Sourced<string>;
}

const TRAMADOL_4 = '4 Contraindications: "Concurrent use of monoamine oxidase inhibitors (MAOIs) or use within the last 14 days"';

export const OPIOID_INTERACTIONS: OpioidInteractionRules = deepFreeze({
  maoiContraindicated: {
    value: ['tramadol', 'tapentadol', 'meperidine'],
    source: 'label-tramadol-contraindications',
    locator: `${TRAMADOL_4}; tapentadol (Nucynta patient information): "Do not use … if you have taken an MAO inhibitor in the past 14 days"; meperidine label: contraindicated within 14 days of an MAOI`,
  },
  maoiWindowDays: { value: 14, source: 'label-tramadol-contraindications', locator: TRAMADOL_4 },
  reversibleMaoiWaitDays: { value: 1, assumption: 'linezolid-opioid-24-hours' },
  reversibleMaoiWarningDays: { value: 14, assumption: 'linezolid-opioid-24-hours' },
  maoiNotRecommended: {
    source: 'label-methadone-maoi',
    locator: '7 Drug interactions, MAOIs: "not recommended for patients taking MAOIs or within 14 days of stopping such treatment"',
  },
  serotoninCritical: {
    value: ['tramadol', 'tapentadol', 'meperidine', 'methadone', 'fentanyl'],
    source: 'fda-opioid-safety-2016',
    locator: 'Podcast and communication: "Serotonin syndrome cases were reported more frequently … with fentanyl and methadone used at recommended doses" (tramadol, tapentadol, meperidine: serotonergic opioids)',
  },
  serotoninAllOpioids: {
    source: 'fda-opioid-safety-2016',
    locator: 'Communication: "We are requiring changes to the labels of all opioid drugs" to add the serotonin syndrome warning',
  },
  seizureRisk: {
    value: ['tramadol'],
    source: 'mims-tramadol-interactions',
    locator: 'Drug interactions: "may increase the risk of seizures in patients taking SSRI, TCA, … other opioids, MAO inhibitors, neuroleptics or other medications that lower the seizure threshold"',
  },
  seizureWithdrawalWindowDays: { value: 28, assumption: 'tramadol-seizure-withdrawal-window' },
  cyp2d6Prodrugs: {
    value: ['tramadol', 'codeine'],
    source: 'label-tramadol-apap-interactions',
    locator: '7 Table 2: "After stopping a CYP2D6 inhibitor … the M1 plasma concentration will increase … may cause potentially fatal respiratory depression" (codeine: same mechanism, label wording not verified)',
  },
  cyp3a4Substrates: {
    value: ['fentanyl', 'oxycodone', 'methadone', 'hydrocodone', 'tramadol', 'buprenorphine'],
    source: 'fentanyl-cyp3a4-labels',
    locator: 'Fentora 7: CYP3A4 inhibitors increase fentanyl exposure, consider dosage reduction and monitor; ritonavir raised fentanyl AUC 174% (amendment A1 list: fentanyl, oxycodone, methadone, hydrocodone, tramadol, buprenorphine)',
  },
  cypChangeWindowDays: { value: 14, assumption: 'cyp-change-window-14-days' },
  exposureCapFraction: { value: '0.5', assumption: 'cyp-exposure-cap-half' },
});
