// Runs in Node (`npm run bench`). The built app for the suites that need it (overlay, review, main process): builds
// out/ if it is older than the sources (the staleness rule of scripts/preview-web.mjs), then copies out/main and
// out/renderer into a private snapshot, because other people rebuild out/ while the benchmarks run (as the e2e global
// setup does). The snapshot sits inside the repository so the host still finds node_modules; it is removed at the end.
import { spawnSync } from 'node:child_process';
import { cp, readdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
let snapshot: Promise<string> | undefined;

async function make(): Promise<string> {
  const build = spawnSync(process.execPath, [join(ROOT, 'scripts/preview-web.mjs'), '--build-only'], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`the app could not be built:\n${build.stderr}\n${build.stdout}`);
  // Snapshots left by killed runs.
  for (const name of await readdir(join(ROOT, 'out')).catch(() => [] as string[])) {
    const pid = Number(/^bench-run-(\d+)$/.exec(name)?.[1]);
    if (pid && pid !== process.pid && !alive(pid)) await rm(join(ROOT, 'out', name), { recursive: true, force: true });
  }
  const dir = join(ROOT, 'out', `bench-run-${process.pid}`);
  await rm(dir, { recursive: true, force: true });
  for (const part of ['main', 'renderer']) await cp(join(ROOT, 'out', part), join(dir, part), { recursive: true });
  return dir;
}

/** The snapshot folder (holding main/ and renderer/), built and copied on first use. */
export const builtApp = (): Promise<string> => (snapshot ??= make());

export async function releaseBuild(): Promise<void> {
  if (!snapshot) return;
  const dir = await snapshot.catch(() => undefined);
  if (dir) await rm(dir, { recursive: true, force: true });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
