/**
 * The one-medicine `prior.components` entry of a plan whose class takes no `additionalPrior` (methadone,
 * sublingual buprenorphine, antidepressants, labelled restart rules), so every plan lists its prior regimen the
 * same way (issue 13). Pure.
 */
import type { Decimal } from 'decimal.js';
import { decimalString } from './decimal.ts';
import type { Amount, DoseUnit, EquivalentUnit, PriorComponent, RestartRequest } from './types.ts';

export function singlePriorComponent(
  request: RestartRequest,
  product: { readonly drugId: string; readonly displayName: string; readonly formulationId: string; readonly formulationName: string; readonly unit: DoseUnit },
  priorDaily: Decimal,
  equivalent?: { readonly daily: Amount<EquivalentUnit>; readonly factor: { readonly value: string; readonly per: string; readonly source: string } },
): PriorComponent {
  return {
    path: 'prior',
    drug: product.drugId,
    formulation: product.formulationId,
    displayName: product.displayName,
    formulationName: product.formulationName,
    dose: { amount: decimalString(request.prior.dose.amount), unit: product.unit },
    timesPerDay: request.prior.timesPerDay,
    asNeeded: request.prior.asNeeded,
    dailyDose: { amount: decimalString(priorDaily), unit: product.unit },
    ...(equivalent ? { dailyEquivalent: equivalent.daily, equivalentFactor: equivalent.factor } : {}),
  };
}
