// Runs in Node (the build and the test runner's config). The renderer's code imports `react` / `react-dom`; the
// bundles (and the jsdom tests, so they test what ships) resolve those to Preact's compatibility layer instead.
// Types stay React's (@types/react): preact/compat implements that API, and tsc never emits renderer code.
/** Exact-match aliases, most specific first: `react-dom/client` must not fall through to `react-dom`. */
export const PREACT_ALIASES = [
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  { find: /^react-dom$/, replacement: 'preact/compat' },
  { find: /^react\/jsx-(dev-)?runtime$/, replacement: 'preact/jsx-runtime' },
  { find: /^react$/, replacement: 'preact/compat' },
];

/** JSX compiled by Vite's own transform (oxc) straight to Preact's automatic runtime: no React plugin needed. */
export const PREACT_JSX = { jsx: { runtime: 'automatic' as const, importSource: 'preact' } };
