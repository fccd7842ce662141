// Runs in Node (`npm run bench`). The built app for the suites that need it (overlay, review, main process): builds
// out/ if it is older than the sources (the staleness rule of scripts/preview-web.mjs), then copies out/main and
// out/renderer into a private snapshot, because other people rebuild out/ while the benchmarks run (as the e2e global
// setup does). The snapshot sits inside the repository so the host still finds node_modules; it is removed at the end.
import { rm } from 'node:fs/promises';
import { buildIfStale, snapshotBuild } from '../support/built-app';

let snapshot: Promise<string> | undefined;

async function make(): Promise<string> {
  buildIfStale();
  return snapshotBuild('bench');
}

/** The snapshot folder (holding main/ and renderer/), built and copied on first use. */
export const builtApp = (): Promise<string> => (snapshot ??= make());

export async function releaseBuild(): Promise<void> {
  if (!snapshot) return;
  const dir = await snapshot.catch(() => undefined);
  if (dir) await rm(dir, { recursive: true, force: true });
}
