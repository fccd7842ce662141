// Runs in the main process, first: Electron's entry (package.json "main" is its bundle, out/main/index.js). It turns
// on V8's compile cache, then loads the app (electron/main/index.ts, bundled as out/main/app.js). Electron 45 runs
// Node 22, whose `module.enableCompileCache()` keeps the compiled code of every module loaded after the call in a
// cache folder (Node's default: node-compile-cache under the OS temp folder), so every start after the first skips
// compiling main's bundles. Where the API is missing (plain Node 20, which runs only the tests) nothing changes.
import * as nodeModule from 'node:module';

const { enableCompileCache } = nodeModule as { enableCompileCache?: () => unknown };
try {
  enableCompileCache?.();
} catch {
  // A cache that cannot be set up (a read-only temp folder) only costs speed.
}

// Awaited: Electron emits `ready` only once the entry has resolved, and the app registers its app:// scheme (which
// must happen before `ready`) while it loads.
await import('./index');
