/** Public API of the restart engine, with every drug class loaded (command line, tests, tools). */
import './all-classes.ts';

export * from './api.ts';
