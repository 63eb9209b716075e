/**
 * Every planned formulation's strengths (as supplied; "s" marks a scored tablet that may be halved), and the
 * formulation flags the planner obeys: bedtime-only hypnotics (one dose a day at bedtime) and tablets whose scoring
 * differs between manufacturers (treated as unscored). Rounding down to a real strength depends on this list being
 * exactly the products in each strengthsSource; a change must be a deliberate, re-sourced edit of both.
 */
import { describe, expect, it } from 'vitest';
import { DRUGS } from '../../src/protocols/index.ts';

// [drug/formulation, strengths in mg (or mcg/h, mg/mL; oral liquids: mg in one measured volume step; Xtampza ER: mg
// oxycodone HCl equivalent) with "s" when scored, flags]
const FORMULATIONS: readonly (readonly [string, string, string])[] = [
  ['morphine/ir', '15s 30s', ''],
  ['morphine/er', '15 30 60 100 200', ''],
  ['morphine/er-capsule', '10 20 30 40 50 60 80 100 200', ''],
  ['morphine/solution-10mg-5ml', '1', ''],
  ['morphine/solution-20mg-5ml', '2', ''],
  ['morphine/concentrate-100mg-5ml', '5', ''],
  ['oxycodone/ir', '5 10 15 20 30', ''],
  ['oxycodone/er', '10 15 20 30 40 60 80', ''],
  ['oxycodone/apap', '2.5 5 7.5 10', ''],
  ['oxycodone/xtampza', '10 15 20 30 40', ''],
  ['hydrocodone/apap', '2.5 5 7.5 10', ''],
  ['hydrocodone/er', '20 30 40 60 80 100 120', ''],
  ['hydromorphone/ir', '2 4 8s', ''],
  ['hydromorphone/oral-solution', '0.5', ''],
  ['hydromorphone/er', '8 12 16 32', ''],
  ['oxymorphone/ir', '5 10', ''],
  ['oxymorphone/er', '5 7.5 10 15 20 30 40', ''],
  ['codeine/ir', '15 30 60', ''],
  ['codeine/apap', '30 60', ''],
  ['tramadol/ir', '50', ''],
  ['tramadol/er', '100 200 300', ''],
  ['tapentadol/ir', '50 75 100', ''],
  ['tapentadol/er', '50 100 150 200 250', ''],
  ['fentanyl/patch', '12 25 37.5 50 62.5 75 87.5 100', ''],
  ['methadone/tablet', '5 10', ''],
  ['methadone/oral-solution', '1', ''],
  ['buprenorphine/sl-tablet', '2 8', ''],
  ['buprenorphine/film', '2 4 8 12', ''],
  ['buprenorphine/patch', '5 7.5 10 15 20', ''],
  ['buprenorphine/buccal-film', '75 150 300 450 600 750 900', ''],
  ['alprazolam/ir', '0.25s 0.5s 1s 2s', ''],
  ['alprazolam/er', '0.5 1 2 3', ''],
  ['clonazepam/ir', '0.5s 1 2', ''],
  ['diazepam/ir', '2s 5s 10s', ''],
  ['lorazepam/ir', '0.5 1 2', 'scoringUnverified'],
  ['chlordiazepoxide/ir', '5 10 25', ''],
  ['clobazam/ir', '10s 20s', ''],
  ['clorazepate/ir', '3.75s 7.5s 15', 'scoringUnverified'],
  ['oxazepam/ir', '10 15 30', ''],
  ['temazepam/ir', '7.5 15 22.5 30', 'bedtimeOnly'],
  ['triazolam/ir', '0.125 0.25', 'bedtimeOnly scoringUnverified'],
  ['estazolam/ir', '1 2', 'bedtimeOnly scoringUnverified'],
  ['flurazepam/ir', '15 30', 'bedtimeOnly'],
  ['zolpidem/ir', '5 10', 'bedtimeOnly scoringUnverified'],
  ['zolpidem/er', '6.25 12.5', 'bedtimeOnly'],
  ['zopiclone/ir', '3.75 7.5', 'bedtimeOnly scoringUnverified'],
  ['eszopiclone/ir', '1 2 3', 'bedtimeOnly'],
  ['zaleplon/ir', '5 10', 'bedtimeOnly'],
  ['sertraline/tablet', '25 50 100', ''],
  ['fluoxetine/capsule', '10 20 40', ''],
  ['paroxetine/ir', '10 20 30 40', ''],
  ['paroxetine/cr', '12.5 25 37.5', ''],
  ['citalopram/tablet', '10 20 40', ''],
  ['escitalopram/tablet', '5 10 20', ''],
  ['fluvoxamine/tablet', '25 50 100', ''],
  ['venlafaxine/ir', '25 37.5 50 75 100', ''],
  ['venlafaxine/xr', '37.5 75 150', ''],
  ['desvenlafaxine/er', '25 50 100', ''],
  ['duloxetine/dr', '20 30 60', ''],
  ['mirtazapine/tablet', '7.5 15s 30s 45', ''],
  ['bupropion/ir', '75 100', ''],
  ['bupropion/sr', '100 150 200', ''],
  ['bupropion/xl', '150 300', ''],
  ['trazodone/tablet', '50 100 150 300', ''],
  ['vortioxetine/tablet', '5 10 20', ''],
  ['vilazodone/tablet', '10 20 40', ''],
  ['amitriptyline/tablet', '10 25 50 75 100 150', ''],
  ['nortriptyline/capsule', '10 25 50 75', ''],
  ['imipramine/tablet', '10 25 50', ''],
  ['clomipramine/capsule', '25 50 75', ''],
  ['doxepin/capsule', '10 25 50 75 100 150', ''],
  ['phenelzine/tablet', '15', ''],
  ['tranylcypromine/tablet', '10', ''],
  ['clozapine/tablet', '25s 50 100 200', ''],
  ['lamotrigine/tablet', '25 100 150 200', ''],
  ['quetiapine/tablet', '25 50 100 200 300 400', ''],
  ['carbamazepine/tablet', '200', ''],
  ['carbamazepine/chewable', '100 200', ''],
  ['gabapentin/capsule', '100 300 400', ''],
  ['gabapentin/tablet', '600 800', ''],
  ['pregabalin/capsule', '25 50 75 100 150 200 225 300', ''],
];

interface Formulation {
  readonly id: string;
  readonly strengths: readonly { readonly amount: string; readonly scored: boolean }[];
  readonly bedtimeOnly?: boolean;
  readonly scoringUnverified?: boolean;
}

const actual = DRUGS.flatMap((drug) =>
  (drug.formulations as readonly Formulation[]).map((f) => [
    `${drug.id}/${f.id}`,
    f.strengths.map((s) => `${s.amount}${s.scored ? 's' : ''}`).join(' '),
    [f.bedtimeOnly === true ? 'bedtimeOnly' : '', f.scoringUnverified === true ? 'scoringUnverified' : ''].filter(Boolean).join(' '),
  ] as const),
);

describe('formulation strengths and flags', () => {
  it('lists every planned formulation, in order', () => {
    expect(actual.map(([key]) => key)).toEqual(FORMULATIONS.map(([key]) => key));
  });

  it.each(FORMULATIONS)('%s: strengths %s; flags "%s"', (key, strengths, flags) => {
    const row = actual.find(([k]) => k === key);
    expect(row?.[1]).toBe(strengths);
    expect(row?.[2]).toBe(flags);
  });

  it('a flag, when present, is a boolean true or absent (never false standing in for absent)', () => {
    for (const drug of DRUGS)
      for (const f of drug.formulations as readonly Formulation[]) {
        if ('bedtimeOnly' in f) expect(f.bedtimeOnly, `${drug.id}/${f.id}`).toBe(true);
        if ('scoringUnverified' in f) expect(f.scoringUnverified, `${drug.id}/${f.id}`).toBe(true);
      }
  });
});
