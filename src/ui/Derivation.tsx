/** "How this was calculated": the numbered derivation, the engine assumptions and the sources (lazy-loaded). */
import type { ReactNode } from 'react';
import type { RestartPlan } from '../engine/index.ts';

const BRACKET = /\[([^\]]+)\]/g;

/** A derivation line with its citations turned into labelled references. */
/** The parts of a plan (or a refusal) that the working shows. */
type Working = Pick<RestartPlan, 'derivation' | 'sources' | 'assumptionDetails'>;

function renderLine(line: string, plan: Working): ReactNode[] {
  const { sources, assumptionDetails } = plan;
  const text = line.replace(/^\d+\.\s*/, '');
  const parts: ReactNode[] = [];
  let lastIndex = 0;
  for (const match of text.matchAll(BRACKET)) {
    const index = match.index ?? 0;
    parts.push(text.slice(lastIndex, index));
    const inner = match[1] ?? '';
    const colon = inner.indexOf(':');
    const key = colon >= 0 ? inner.slice(0, colon).trim() : inner.trim();
    const rest = colon >= 0 ? inner.slice(colon + 1).trim() : '';
    if (key === 'engine assumption') {
      parts.push(
        <span key={index} className="tag assumption-tag">
          Engine assumption: {assumptionDetails.find((a) => a.id === rest)?.statement ?? rest}
        </span>,
      );
    } else {
      const source = sources.find((s) => s.id === key);
      parts.push(
        <span key={index} className="tag source-tag">
          {source ? (
            <a href={`#source-${source.id}`}>
              {source.issuer}, {source.year}
            </a>
          ) : (
            key
          )}
          {rest ? `: ${rest}` : ''}
        </span>,
      );
    }
    lastIndex = index + match[0].length;
  }
  parts.push(text.slice(lastIndex));
  return parts;
}

export default function Derivation({ plan, title = 'How this was calculated', idPrefix = '' }: { readonly plan: Working; readonly title?: string; readonly idPrefix?: string }) {
  return (
    <section className="derivation" aria-labelledby={`${idPrefix}derivation-title`}>
      <h3 id={`${idPrefix}derivation-title`} className="working-title">{title}</h3>
      <ol className="working">
        {plan.derivation.map((line, index) => (
          <li key={index}>{renderLine(line, plan)}</li>
        ))}
      </ol>
      {plan.assumptionDetails.length > 0 ? (
        <>
          <h4>Engine assumptions</h4>
          <p className="muted">No guideline gives these values; the engine takes the conservative reading.</p>
          <ul className="assumptions">
            {plan.assumptionDetails.map((a) => (
              <li key={a.id}>
                <span className="tag assumption-tag">Engine assumption</span> {a.statement}{' '}
                <span className="rationale">Why: {a.rationale}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h4>Sources</h4>
      <ol className="sources">
        {plan.sources.map((source) => (
          <li key={source.id} id={`${idPrefix}source-${source.id}`}>
            <a href={source.url} target="_blank" rel="noopener noreferrer">
              {source.title}
            </a>
            . {source.issuer}, {source.year}.
          </li>
        ))}
      </ol>
    </section>
  );
}
