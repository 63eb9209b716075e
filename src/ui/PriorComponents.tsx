/** The prior regimen of several medicines as a table, loaded on demand by PlanView. */
import { formatAmount, formatDose, type RestartPlan } from '../engine/api.ts';
import { isPatchUnit } from '../export/common.ts';
import { sourceLabel } from './PlanView.tsx';

/**
 * The prior regimen of several medicines: each one's daily dose and its equivalent (MME or mg diazepam) with the
 * factor and its source, and the total the tolerance was judged on, so the sum can be checked by hand.
 */
export default function PriorComponents({ plan }: { readonly plan: RestartPlan }) {
  const components = plan.prior.components ?? [];
  if (components.length < 2) return null;
  const total = plan.prior.dailyEquivalent;
  const unit = total?.unit ?? components.find((c) => c.dailyEquivalent)?.dailyEquivalent?.unit;
  const source = (id: string) => {
    const found = plan.sources.find((s) => s.id === id);
    return found ? sourceLabel(found) : id;
  };
  return (
    <div className="table-wrap">
      <table className="components">
        <caption>Before the break: {components.length} medicines added up{unit ? ` in ${unit === 'MME' ? 'MME' : unit}` : ''}</caption>
        <thead>
          <tr>
            <th scope="col">Medicine</th>
            <th scope="col">Dose × times a day</th>
            <th scope="col">As needed</th>
            <th scope="col">Daily dose</th>
            <th scope="col">Factor (source)</th>
            <th scope="col">Daily equivalent</th>
          </tr>
        </thead>
        <tbody>
          {components.map((c) => (
            <tr key={c.path}>
              <th scope="row" data-label="Medicine">
                {c.displayName} {c.formulationName}
              </th>
              <td data-label="Dose × times a day">
                {isPatchUnit(c.dose.unit) ? `${formatDose(c.dose)} patch` : `${formatDose(c.dose)} × ${c.timesPerDay}`}
              </td>
              <td data-label="As needed">{c.asNeeded ? `yes (${c.timesPerDay} a day on average)` : 'no'}</td>
              <td data-label="Daily dose" className="num">
                {formatDose(c.dailyDose)}
              </td>
              <td data-label="Factor (source)">{c.equivalentFactor ? `${c.equivalentFactor.value} ${c.equivalentFactor.per} (${source(c.equivalentFactor.source)})` : '—'}</td>
              <td data-label="Daily equivalent" className="num">
                {c.dailyEquivalent ? formatDose(c.dailyEquivalent) : '—'}
              </td>
            </tr>
          ))}
        </tbody>
        {total ? (
          <tfoot>
            <tr>
              <th scope="row" colSpan={5}>
                Total ({components.map((c) => (c.dailyEquivalent ? formatAmount(c.dailyEquivalent.amount) : '—')).join(' + ')})
              </th>
              <td data-label="Total" className="num">
                <strong>{formatDose(total)}</strong>
              </td>
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}

