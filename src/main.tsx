import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App.tsx';

// The first render in a transition: React yields to the browser between components instead of mounting the
// whole form in one long task (total blocking time on a slow phone; see the gates README, Lighthouse).
startTransition(() => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
