// Runs in Node (the e2e global setup and the benchmarks). The built app, safe from other people's rebuilds:
// `scripts/preview-web.mjs --build-only` builds out/ when it is older than the sources (the one staleness rule), then
// out/main and out/renderer are copied into a private snapshot (out/<kind>-run-<pid>/) that the preview is started
// from. The snapshot stays inside the repository so the host still finds node_modules; snapshots of killed runs are
// cleared first.
import { spawnSync } from 'node:child_process';
import { cp, readdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');

/** Builds out/ if stale; throws with the build's output when it fails. Returns how long it took. */
export function buildIfStale(): number {
  const started = Date.now();
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts/preview-web.mjs'), '--build-only'], { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`the app could not be built (electron-vite build):\n${result.stderr}\n${result.stdout}`);
  return Date.now() - started;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Copies the current build into out/<kind>-run-<pid>/ and returns that folder. */
export async function snapshotBuild(kind: 'e2e' | 'bench'): Promise<string> {
  const pattern = new RegExp(`^${kind}-run-(\\d+)$`);
  for (const name of await readdir(join(ROOT, 'out')).catch(() => [] as string[])) {
    const pid = Number(pattern.exec(name)?.[1]);
    if (pid && pid !== process.pid && !alive(pid)) await rm(join(ROOT, 'out', name), { recursive: true, force: true });
  }
  const dir = join(ROOT, 'out', `${kind}-run-${process.pid}`);
  await rm(dir, { recursive: true, force: true });
  for (const part of ['main', 'renderer']) await cp(join(ROOT, 'out', part), join(dir, part), { recursive: true });
  return dir;
}
