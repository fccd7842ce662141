// Builds the three processes' bundles into out/: main (+ the browser-preview host), a sandbox-safe CommonJS
// preload, and the three renderer pages.
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { PREACT_ALIASES, PREACT_JSX } from './preact.config';

const root = import.meta.dirname;

// Pure-JS packages bundled into main instead of `import`ed from node_modules at start-up: bundled, they are
// tree-shaken (one `format` of date-fns instead of all of it) and read as one file, which is most of the main
// process's import time. What main imports lazily (papaparse, ical-generator and its zone table on the first export)
// becomes a chunk of its own. Left external: electron-log (it finds Electron at run time) and node-ical, imported
// on the first calendar sync (CommonJS with a Temporal polyfill: cheap to keep as it is, loaded only when needed).
// They all stay in package.json `dependencies`, so electron-builder still packs them (tests/packaging/).
const BUNDLED_IN_MAIN = ['zod', 'date-fns', 'lowdb', 'immer', 'chrono-node', 'papaparse', 'ical-generator', 'timezones-ical-library'];

// The entries that load the core at start: Electron's app and the browser preview.
const STARTUP_ENTRIES = [resolve(root, 'electron/main/index.ts'), resolve(root, 'electron/preview/server.ts')];

/** Does every start-up entry import `id` (through static imports only)? Such a module is read at every start. */
function loadedAtEveryStart(id: string, importersOf: (id: string) => readonly string[]): boolean {
  const reached = new Set<string>();
  const seen = new Set([id]);
  const queue = [id];
  for (let current = queue.pop(); current !== undefined; current = queue.pop()) {
    if (STARTUP_ENTRIES.includes(current)) reached.add(current);
    for (const importer of importersOf(current)) {
      if (!seen.has(importer)) {
        seen.add(importer);
        queue.push(importer);
      }
    }
  }
  return reached.size === STARTUP_ENTRIES.length;
}

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      externalizeDeps: { exclude: BUNDLED_IN_MAIN },
      rolldownOptions: {
        input: {
          // Electron's entry turns on the compile cache, then imports the app (see electron/main/boot.ts).
          index: resolve(root, 'electron/main/boot.ts'),
          app: resolve(root, 'electron/main/index.ts'),
          // The preview host runs the same core under plain Node (see electron/preview/).
          preview: resolve(root, 'electron/preview/server.ts'),
        },
        // Whitespace and comments out (about a third less for V8 to parse at start-up) and local variables shortened
        // (about 15% less again). Function, class and top-level names are kept: a stack trace in the rep's log file still
        // names our functions, and the preview's bridge, sent to the page as the text of buildBridge, still finds the
        // top-level names it uses (electron/preview/bridge-client.ts checks that at every start).
        output: {
          minify: { compress: false, mangle: { keepNames: true, toplevel: false } },
          // Everything the app and the preview both load at start goes into ONE chunk, `core`. Left to itself the
          // bundler splits it into a chunk per set of importers (a module the lazily loaded calendar engine also
          // uses gets a chunk of its own), because boot.ts's top-level await turns its chunk merging off; each
          // extra chunk is one more file to resolve, read and compile at every start.
          codeSplitting: {
            groups: [
              {
                debugName: 'core',
                name: (id, ctx) => (loadedAtEveryStart(id, (m) => ctx.getModuleInfo(m)?.importers ?? []) ? 'core' : null),
              },
            ],
          },
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload can only `require` a few Electron modules: bundle everything (zod included) into one file.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    // The windows are written against React's API and run on Preact (preact/compat): React + ReactDOM alone are
    // 68 KB gzip, over the overlay's whole 70 KB budget; Preact is about 5 KB (see preact.config.ts).
    resolve: { alias: PREACT_ALIASES },
    oxc: PREACT_JSX,
    build: {
      outDir: resolve(root, 'out/renderer'),
      minify: true,
      rolldownOptions: {
        input: {
          overlay: resolve(root, 'renderer/overlay.html'),
          wrapup: resolve(root, 'renderer/wrapup.html'),
          review: resolve(root, 'renderer/review.html'),
        },
      },
    },
  },
});
