import '@testing-library/jest-dom/vitest';
import { afterEach } from 'vitest';
// Every drug class, as the command line has them (the browser loads them on demand).
import '../src/engine/all-classes.ts';

afterEach(async () => {
  // RTL cannot register its own cleanup when vitest globals are off.
  if (typeof document !== 'undefined') {
    const { cleanup } = await import('@testing-library/react');
    cleanup();
  }
});
