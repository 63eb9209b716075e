/**
 * The plan pane's views as tabs: the plan, the pharmacist's check and the educator's chart. Only the
 * plan is part of the planning chunk; the check and the chart load when their tab is first opened.
 */
import { lazy, Suspense, useRef, type KeyboardEvent, type ReactNode } from 'react';
import type { RestartPlan } from '../engine/api.ts';
import type { RefusedRequest } from './CheckView.tsx';

const CheckView = lazy(() => import('./CheckView.tsx'));
const EducatorChart = lazy(() => import('./EducatorChart.tsx'));

export type ViewName = 'plan' | 'check' | 'educator';
export const VIEWS: readonly (readonly [ViewName, string])[] = [
  ['plan', 'Restart plan'],
  ['check', 'Check a proposed schedule'],
  ['educator', 'How tolerance is lost'],
];

export function ViewTabs({ view, onChange }: { readonly view: ViewName; readonly onChange: (view: ViewName) => void }) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const last = VIEWS.length - 1;
    const next = event.key === 'ArrowRight' ? (index === last ? 0 : index + 1) : event.key === 'ArrowLeft' ? (index === 0 ? last : index - 1) : event.key === 'Home' ? 0 : event.key === 'End' ? last : null;
    if (next === null) return;
    event.preventDefault();
    onChange(VIEWS[next]![0]);
    refs.current[next]?.focus();
  };
  return (
    <div className="view-tabs no-print" role="tablist" aria-label="Views">
      {VIEWS.map(([name, label], index) => (
        <button
          key={name}
          ref={(el) => {
            refs.current[index] = el;
          }}
          type="button"
          role="tab"
          id={`tab-${name}`}
          aria-selected={view === name}
          aria-controls={view === name ? `panel-${name}` : undefined}
          tabIndex={view === name ? 0 : -1}
          className="view-tab"
          onClick={() => onChange(name)}
          onKeyDown={(e) => onKeyDown(e, index)}
        >
          {label}
        </button>
      ))}
    </div>
  );
}

interface PanelProps {
  readonly view: ViewName;
  readonly plan: RestartPlan | null;
  /** The refused request, when the planner refused it: the check still runs (every step a PLAN_REFUSED finding). */
  readonly refused?: RefusedRequest | null;
  /** Changes on "New patient", so the check starts empty. */
  readonly resetKey: number;
  /** The patient inputs in words (the check's printout and exports carry them). */
  readonly inputs?: readonly (readonly [string, string])[];
  /** The plan view (or its placeholder). */
  readonly children: ReactNode;
}

export function ViewPanel({ view, plan, refused, resetKey, inputs, children }: PanelProps) {
  return (
    <div role="tabpanel" id={`panel-${view}`} aria-labelledby={`tab-${view}`} className="view-panel">
      {view === 'plan' ? (
        children
      ) : (
        <Suspense fallback={<p className="muted">Loading…</p>}>
          {view === 'check' ? (
            plan || refused ? (
              <CheckView key={resetKey} plan={plan} refused={refused} inputs={inputs} />
            ) : (
              <div className="placeholder">
                <h2>Check a proposed schedule</h2>
                <p>Complete the restart form first: the proposed steps are compared with the ceiling calculated from it.</p>
              </div>
            )
          ) : (
            <EducatorChart plan={plan} />
          )}
        </Suspense>
      )}
    </div>
  );
}
