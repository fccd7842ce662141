// Runs in the renderer tests (jsdom). What `react` resolves to in those tests: the same preact/compat the windows
// ship with (preact.config.ts), plus `act`, which React exports and Preact keeps in preact/test-utils. Plain JS:
// preact/compat's typings (`export =`) cannot be re-exported with `export *`, and the tests type-check against
// @types/react anyway.
export * from 'preact/compat';
export { default } from 'preact/compat';
export { act } from 'preact/test-utils';
