/** `@rosetta/core/testing`: helpers shared by the test suites of core and the facades. */
export * from './injection.js';
export * from './matrix.js';
