import { listDrugs } from '../engine/browser.ts';

/** Placeholder shell until the clinician's app lands (issue 6). */
export function App() {
  return (
    <main>
      <h1>Retitrate</h1>
      <p>{listDrugs().length} drugs in the protocol data.</p>
    </main>
  );
}
