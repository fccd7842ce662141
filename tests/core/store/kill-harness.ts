// The kill test's parent side (Node): runs many children that write to a store, SIGKILLs each at a random moment
// or right inside the commit window, then reopens the folder with the real store and checks the promise: the file
// is readable, and every write the child acknowledged is there. Shared by the real test and its negative control.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { openStore } from '../../../electron/main/core/store';
import { isTempFile } from '../../../electron/main/core/store/durable-file';
import { BACKUP_DIR, STORE_FILE } from '../../../electron/main/core/store/file-names';
import { loadFile } from '../../../electron/main/core/store/load';
import type { ChildStore, KillMode } from './kill-child';
import { bundleChild, type BundledChild } from '../../support/bundle-child';
import { sampleDocument } from './records';

export interface KillFigures {
  trials: number;
  /** Acknowledged writes checked after the kills. */
  acked: number;
  /** Acknowledged writes missing after a kill. */
  lost: number;
  /** Reopens that found the file unusable (anything but a clean open). */
  unparseable: number;
  /** Records found more than once after a kill: in the reopened document, or on disk in the live file and the
   * archives it names together. */
  duplicated: number;
  /** Reopened folders whose live file names at least one archive file (records had moved before the kill). */
  withArchives: number;
  /** Kills that landed inside the commit window (the child had said "in-write" and not yet "written"). */
  midWrite: number;
  /** Of those, how many left a complete temp file behind: proof the kill fell between temp write and rename. */
  completeTempLeft: number;
  /** Backup copies checked after the kills, and how many of them no longer loaded. */
  backups: number;
  backupsDamaged: number;
  ms: number;
}

interface Trial {
  lost: number;
  acked: number;
  unparseable: boolean;
  duplicated: number;
  withArchives: boolean;
  midWrite: boolean;
  completeTempLeft: boolean;
  backups: number;
  backupsDamaged: number;
}

const RANDOM_KILL_MAX_MS = 120;
const CHILD_TIMEOUT_MS = 20_000;
// ~200 KB of meeting notes: a write big enough that an in-place overwrite has a real window to be caught in.
const seed = `${JSON.stringify(sampleDocument(40, 0, 5000), null, 2)}\n`;

/** Bundles kill-child.ts once into a plain .mjs: starting `node` on it is several times faster than via tsx. */
export const buildChild = (): Promise<BundledChild> => bundleChild(join(import.meta.dirname, 'kill-child.ts'));

async function runTrial(script: string, store: ChildStore, mode: KillMode): Promise<Trial> {
  const dir = await mkdtemp(join(tmpdir(), 'second-step-kill-'));
  try {
    await writeFile(join(dir, STORE_FILE), seed);
    const child = spawn(process.execPath, [script, dir, store, mode], { stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('close', (_code, signal) => resolve(signal)));
    const kill = () => child.kill('SIGKILL');
    const timeout = setTimeout(kill, CHILD_TIMEOUT_MS);

    const acked = new Set<number>();
    let last = '';
    let windows = 0;
    const killAtWindow = 1 + Math.floor(Math.random() * 4); // not always the first write
    for await (const line of createInterface({ input: child.stdout })) {
      last = line;
      if (line.startsWith('ack ')) acked.add(Number(line.slice(4)));
      else if (line === 'ready' && mode === 'random') setTimeout(kill, Math.random() * RANDOM_KILL_MAX_MS);
      else if (line === 'in-write' && mode === 'in-write' && ++windows === killAtWindow) kill();
    }
    clearTimeout(timeout);
    if ((await exited) !== 'SIGKILL') throw new Error('the child ended without being killed');

    const completeTempLeft = await hasCompleteTemp(dir);
    const backups = await backupHealth(dir); // before the reopen, which would take a fresh copy of its own
    const reopened = await openStore({ dir });
    const whole = await reopened.whole(); // the live document and the history read from the archives
    await reopened.close();
    const present = new Set(whole.nextSteps.map((s) => s.id));
    const disk = await onDisk(dir);
    return {
      acked: acked.size,
      lost: [...acked].filter((n) => !present.has(`step-${n}`)).length,
      unparseable: reopened.notice !== null || reopened.readOnly,
      duplicated: whole.nextSteps.length - present.size + disk.ids.length - new Set(disk.ids).size,
      withArchives: disk.archives > 0,
      midWrite: last === 'in-write',
      completeTempLeft,
      ...backups,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The next-step ids in the live file and in every archive file it names, as they are on disk after the reopen
 * (none when the reopen could not use them: `unparseable` counts that). */
async function onDisk(dir: string): Promise<{ ids: string[]; archives: number }> {
  const read = async (name: string) => JSON.parse(await readFile(join(dir, name), 'utf8')) as { nextSteps: { id: string }[]; archives?: { file: string }[] };
  try {
    const live = await read(STORE_FILE);
    const archives = await Promise.all((live.archives ?? []).map((a) => read(a.file)));
    return { ids: [live, ...archives].flatMap((part) => part.nextSteps.map((s) => s.id)), archives: archives.length };
  } catch {
    return { ids: [], archives: 0 };
  }
}

/** Every backup the killed child left must still load: a kill during a backup may only leave a temp file. */
async function backupHealth(dir: string): Promise<{ backups: number; backupsDamaged: number }> {
  const names = (await readdir(join(dir, BACKUP_DIR)).catch(() => [] as string[])).filter((n) => !isTempFile(n));
  const loaded = await Promise.all(names.map((n) => loadFile(join(dir, BACKUP_DIR, n)).catch(() => null)));
  return { backups: names.length, backupsDamaged: loaded.filter((l) => l?.kind !== 'ok').length };
}

async function hasCompleteTemp(dir: string): Promise<boolean> {
  for (const name of (await readdir(dir)).filter(isTempFile)) {
    try {
      JSON.parse(await readFile(join(dir, name), 'utf8'));
      return true;
    } catch {
      // a partial temp: the kill came before the write finished
    }
  }
  return false;
}

/** Runs `trials` kills, alternating the two modes, `parallel` children at a time. */
export async function runKillTrials(options: {
  script: string;
  store: ChildStore;
  trials: number;
  parallel: number;
}): Promise<KillFigures> {
  const started = performance.now();
  const results: Trial[] = [];
  let next = 0;
  const worker = async () => {
    while (next < options.trials) {
      const mode: KillMode = next++ % 2 ? 'random' : 'in-write';
      results.push(await runTrial(options.script, options.store, mode));
    }
  };
  await Promise.all(Array.from({ length: options.parallel }, worker));
  const count = (pick: (t: Trial) => number | boolean) => results.reduce((sum, t) => sum + Number(pick(t)), 0);
  return {
    trials: results.length,
    acked: count((t) => t.acked),
    lost: count((t) => t.lost),
    unparseable: count((t) => t.unparseable),
    duplicated: count((t) => t.duplicated),
    withArchives: count((t) => t.withArchives),
    midWrite: count((t) => t.midWrite),
    completeTempLeft: count((t) => t.completeTempLeft),
    backups: count((t) => t.backups),
    backupsDamaged: count((t) => t.backupsDamaged),
    ms: Math.round(performance.now() - started),
  };
}

export const describeFigures = (label: string, f: KillFigures): string =>
  `${label}: ${f.trials} trials, ${f.acked} acked writes checked, lost = ${f.lost}, unparseable = ${f.unparseable}, ` +
  `duplicated = ${f.duplicated}, with archive files ${f.withArchives}, ` +
  `mid-write kills ${f.midWrite} (${Math.round((100 * f.midWrite) / f.trials)}%; ` +
  `${f.completeTempLeft} left a complete temp file), ` +
  `backups checked ${f.backups}, damaged = ${f.backupsDamaged}, ` +
  `${(f.ms / 1000).toFixed(1)} s`;
