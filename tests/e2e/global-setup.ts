// Runs once before the e2e project (vitest globalSetup, Node). Makes sure out/ holds a build of the current sources:
// `scripts/preview-web.mjs --build-only` runs `electron-vite build` only when out/main/preview.js or a page is missing
// or older than the sources — the same staleness rule `npm run preview:web` uses. A failed build fails the run.
//
// Then it copies the built preview host and pages into a private snapshot (out/e2e-run-<pid>/), because other people
// build into the same out/ while these tests run; the tests start the preview from the snapshot (`inject('previewDir')`).
// The snapshot stays inside the repository so the host still finds node_modules; it is removed at the end.
import { spawnSync } from 'node:child_process';
import { cp, readdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';

const root = resolve(import.meta.dirname, '../..');

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
    const started = Date.now();
    const result = spawnSync(process.execPath, [resolve(root, 'scripts/preview-web.mjs'), '--build-only'], {
      cwd: root,
      encoding: 'utf8',
    });
    if (result.status !== 0) {
      throw new Error(`e2e: the app could not be built (electron-vite build):\n${result.stderr}\n${result.stdout}`);
    }
    process.stderr.write(`e2e: build ready (${Date.now() - started} ms)\n`);
  }

  // Snapshots left by runs that were killed (their process is gone).
  for (const name of await readdir(join(root, 'out')).catch(() => [] as string[])) {
    const pid = Number(/^e2e-run-(\d+)$/.exec(name)?.[1]);
    if (pid && pid !== process.pid && !alive(pid)) await rm(join(root, 'out', name), { recursive: true, force: true });
  }
  // Failure screenshots of an earlier run would only mislead.
  const shots = resolve(root, process.env.SCREENSHOTS_DIR ?? 'out/screenshots');
  for (const name of await readdir(shots).catch(() => [] as string[])) {
    if (name.startsWith('failure-')) await rm(join(shots, name), { force: true });
  }
  const snapshot = join(root, 'out', `e2e-run-${process.pid}`);
  await rm(snapshot, { recursive: true, force: true });
  for (const part of ['main', 'renderer']) await cp(join(root, 'out', part), join(snapshot, part), { recursive: true });
  project.provide('previewDir', snapshot);
  return async () => {
    await rm(snapshot, { recursive: true, force: true });
  };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
