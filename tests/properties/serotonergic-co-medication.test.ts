/**
 * Amendment A1 across classes (fast-check): adding a serotonergic co-medication, any drug the catalog puts in the
 * serotonergic category (planned drugs and concurrent-only ones), to an antidepressant or opioid request never
 * removes a warning and never lowers a warning's severity. A refusal (BLOCK) is stronger than any warning and
 * counts as kept. When one side is an opioid and the other serotonergic, SEROTONIN_SYNDROME_RISK is present.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planRestart } from '../../src/engine/index.ts';
import { concurrentCategories, listConcurrent } from '../../src/engine/registry.ts';
import type { RestartPlan } from '../../src/engine/types.ts';
import { requestArbitrary } from './arbitraries.ts';

const SEROTONERGIC = listConcurrent()
  .map((c) => c.id)
  .filter((id) => concurrentCategories(id).includes('serotonergic'));
const RANK = { info: 0, warning: 1, critical: 2 } as const;
/**
 * Warnings that describe the first step itself rather than a risk: a serotonergic opioid added as a CNS depressant
 * lowers the opioid-naive start (tapentadol 50 mg → within 20–30 MME/day), and then the start is no longer above the
 * CDC range, so the warning rightly goes.
 */
const ABOUT_THE_STEP = new Set(['NAIVE_START_ABOVE_CDC_RANGE']);
const isOpioid = (id: string) => concurrentCategories(id).includes('opioid');

function worst(plan: RestartPlan): Map<string, number> {
  const out = new Map<string, number>();
  for (const w of plan.warnings) out.set(w.code, Math.max(out.get(w.code) ?? 0, RANK[w.severity]));
  return out;
}

const arb = requestArbitrary.filter(({ drug }) => drug.drugClass === 'antidepressant' || drug.drugClass === 'opioid');

describe('serotonergic co-medication across classes (amendment A1)', () => {
  it('the catalog has serotonergic opioids and antidepressants to add', () => {
    expect(SEROTONERGIC).toEqual(expect.arrayContaining(['tramadol', 'methadone', 'fentanyl', 'tapentadol', 'sertraline', 'trazodone', 'mirtazapine', 'lithium']));
  });

  it('adding one never removes a warning or lowers its severity', () => {
    fc.assert(
      fc.property(arb, fc.constantFrom(...SEROTONERGIC), ({ drug, request }, extra) => {
        const concurrent = request.concurrent as string[];
        fc.pre(extra !== drug.id && !concurrent.includes(extra));
        const before = planRestart(request);
        fc.pre(before.ok);
        if (!before.ok) return;
        const after = planRestart({ ...request, concurrent: [...concurrent, extra] });
        if (!after.ok) {
          // Only a refusal (BLOCK) may replace the plan, never an input error.
          expect(after.refusal, JSON.stringify(after.errors)).toBeDefined();
          return;
        }
        const kept = worst(after.plan);
        for (const [code, rank] of worst(before.plan)) {
          if (ABOUT_THE_STEP.has(code)) continue;
          expect(kept.has(code), code).toBe(true);
          expect(kept.get(code)!, code).toBeGreaterThanOrEqual(rank);
        }
        const serotonergicPlanned = drug.drugClass === 'opioid' || drug.interactionCategories.includes('serotonergic') || drug.interactionCategories.includes('maoi');
        if ((drug.drugClass === 'opioid' || isOpioid(extra)) && serotonergicPlanned) expect(kept.has('SEROTONIN_SYNDROME_RISK')).toBe(true);
      }),
      { numRuns: 250 },
    );
  }, 120_000);
});
