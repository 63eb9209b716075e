import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App.tsx';
import { todayIso } from './ui/model.ts';
import type { Prefill } from './ui/prefill.ts';
import { hasPrefillLink } from './ui/prefillLink.ts';
import { launchKind, SMART_CONFIG } from './smart/config.ts';

const root = createRoot(document.getElementById('root')!);
// The first render in a transition: React yields to the browser between components instead of mounting the
// whole form in one long task (total blocking time on a slow phone; see the gates README, Lighthouse).
const renderApp = (notice?: string, prefill: Prefill | null = null) =>
  startTransition(() => {
    root.render(
      <StrictMode>
        {notice ? (
          <p className="launch-error" role="alert">
            {notice}
          </p>
        ) : null}
        <App prefill={prefill} />
      </StrictMode>,
    );
  });

/** Renders the app; a prefill link (#request=…) is read first, by a chunk loaded only for such a link. */
const start = (notice?: string) => {
  if (!hasPrefillLink(window.location.hash)) return renderApp(notice);
  import('./ui/prefill-entry.ts').then(
    (module) => renderApp(notice, module.readPrefill()),
    () => renderApp(notice),
  );
};

// A SMART launch only with a deploy-time config and a launch URL; otherwise the app starts offline as always.
if (SMART_CONFIG && launchKind(window.location.search)) {
  root.render(<p role="status">Connecting to the patient's record…</p>);
  const config = SMART_CONFIG;
  import('./smart/launch-entry.ts')
    .then((module) => module.launch(config, window.location, todayIso()))
    .then(
      (outcome) => {
        if (outcome.kind === 'redirecting') return;
        window.history.replaceState(null, '', window.location.pathname + (outcome.kind === 'prefilled' ? `#${outcome.hash}` : ''));
        start(outcome.kind === 'error' ? `${outcome.message} Enter the values by hand.` : undefined);
      },
      (error: unknown) => {
        window.history.replaceState(null, '', window.location.pathname);
        renderApp(`The launch from the record failed (${error instanceof Error ? error.message : String(error)}). Enter the values by hand.`);
      },
    );
} else {
  start();
}
