// Runs once before the e2e project (vitest globalSetup, Node). Makes sure out/ holds a build of the current sources:
// `scripts/preview-web.mjs --build-only` runs `electron-vite build` only when out/main/preview.js or a page is missing
// or older than the sources — the same staleness rule `npm run preview:web` uses. A failed build fails the run.
//
// Then it copies the built preview host and pages into a private snapshot (out/e2e-run-<pid>/), because other people
// build into the same out/ while these tests run; the tests start the preview from the snapshot (`inject('previewDir')`).
// The snapshot stays inside the repository so the host still finds node_modules; it is removed at the end.
import { readdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildIfStale, ROOT as root, snapshotBuild } from '../support/built-app';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A private copy of out/ (main/ + renderer/) to start the preview from. */
    previewDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // E2E_SKIP_BUILD=1 uses out/ as it is (e.g. while someone else's half-edited sources do not build).
  if (process.env.E2E_SKIP_BUILD === '1') {
    process.stderr.write('e2e: E2E_SKIP_BUILD=1, using out/ as it is\n');
  } else {
    process.stderr.write(`e2e: build ready (${buildIfStale()} ms)\n`);
  }

  // Failure screenshots of an earlier run would only mislead.
  const shots = resolve(root, process.env.SCREENSHOTS_DIR ?? 'out/screenshots');
  for (const name of await readdir(shots).catch(() => [] as string[])) {
    if (name.startsWith('failure-')) await rm(join(shots, name), { force: true });
  }
  const snapshot = await snapshotBuild('e2e');
  project.provide('previewDir', snapshot);
  return async () => {
    await rm(snapshot, { recursive: true, force: true });
  };
}
