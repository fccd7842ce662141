// Shared by the store tests (Node): real temp folders, file fingerprints, and FsOps wrappers that record the order
// of operations or fail at one chosen step.
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach } from 'vitest';
import type { StoreDocument } from '../../../shared/domain';
import { nodeFsOps, type FsOps } from '../../../electron/main/core/store';
import { loadFile } from '../../../electron/main/core/store/load';
import { JOURNAL_FILE } from '../../../electron/main/core/store/file-names';

export const STORE = 'second-step.json';

/** Fresh folders under the OS temp dir, removed after each test. */
export function useTempDirs(): () => Promise<string> {
  const made: string[] = [];
  afterEach(async () => {
    await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });
  return async () => {
    const dir = await mkdtemp(join(tmpdir(), 'second-step-store-'));
    made.push(dir);
    return dir;
  };
}

export const sha256 = async (path: string): Promise<string> =>
  createHash('sha256').update(await readFile(path)).digest('hex');

/** Every file under `dir` (relative path -> SHA-256), to prove a folder was left exactly as it was. */
export async function snapshot(dir: string): Promise<Record<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
  const pairs = await Promise.all(files.map(async (f) => [relative(dir, f), await sha256(f)] as const));
  return Object.fromEntries(pairs.sort(([a], [b]) => a.localeCompare(b)));
}

export type Call = [op: keyof FsOps, path: string];

/** Real file operations that also note each call (with the path it touched) in `calls`. */
export function recordingFsOps(calls: Call[], base: FsOps = nodeFsOps): FsOps {
  return {
    create: (path) => (calls.push(['create', path]), base.create(path)),
    write: (file, data) => (calls.push(['write', file.path]), base.write(file, data)),
    fsync: (file) => (calls.push(['fsync', file.path]), base.fsync(file)),
    openAppend: (path) => (calls.push(['openAppend', path]), base.openAppend(path)),
    datasync: (file) => (calls.push(['datasync', file.path]), base.datasync(file)),
    truncate: (file) => (calls.push(['truncate', file.path]), base.truncate(file)),
    close: (file) => (calls.push(['close', file.path]), base.close(file)),
    rename: (from, to) => (calls.push(['rename', `${from} -> ${to}`]), base.rename(from, to)),
    unlink: (path) => (calls.push(['unlink', path]), base.unlink(path)),
    fsyncDir: (dir) => (calls.push(['fsyncDir', dir]), base.fsyncDir(dir)),
  };
}

export const fsError = (code: string): NodeJS.ErrnoException =>
  Object.assign(new Error(`${code}: simulated`), { code });

/** Real file operations, except that `op` fails with `code` while `failing()` says so. */
export function failingFsOps(op: 'write' | 'fsync' | 'datasync' | 'rename' | 'fsyncDir', code: string, failing = () => true): FsOps {
  const real = nodeFsOps[op] as (...args: unknown[]) => Promise<void>;
  const maybeFail = (...args: unknown[]) => (failing() ? Promise.reject(fsError(code)) : real(...args));
  return { ...nodeFsOps, [op]: maybeFail };
}

/** Real file operations behind a switch, for full-disk and locked-folder outages: while `failing` holds a code,
 * every write of the live store file or its journal fails with it — ENOSPC when the bytes are written (the disk
 * filled up), EACCES when the file is opened (the folder became unwritable). `attempts` counts the store's tries to
 * save (a temp file for the live file, or an append to the journal). */
export function switchableDisk() {
  const disk = {
    failing: null as 'ENOSPC' | 'EACCES' | null,
    attempts: 0,
    ops: nodeFsOps,
  };
  const isJournal = (path: string) => path.endsWith(JOURNAL_FILE);
  const isLive = (path: string) => (path.includes(`${STORE}.`) || isJournal(path)) && !path.includes('backups');
  disk.ops = {
    ...nodeFsOps,
    create(path) {
      if (isLive(path)) disk.attempts += 1;
      return disk.failing === 'EACCES' && isLive(path) ? Promise.reject(fsError('EACCES')) : nodeFsOps.create(path);
    },
    openAppend(path) {
      return disk.failing === 'EACCES' && isLive(path) ? Promise.reject(fsError('EACCES')) : nodeFsOps.openAppend(path);
    },
    write(file, data) {
      // A change appended to the journal is a try; the checkpoint written after a whole write (counted at its temp
      // file) is part of that try.
      if (isJournal(file.path) && !Buffer.from(data).includes('"check":')) disk.attempts += 1;
      // The journal is kept open, and an open file stays writable when the folder's permissions change: its writes
      // fail with either code here, so both outages are exercised on the path a change takes first.
      const fails = disk.failing === 'ENOSPC' || (disk.failing === 'EACCES' && isJournal(file.path));
      return fails && isLive(file.path) ? Promise.reject(fsError(disk.failing!)) : nodeFsOps.write(file, data);
    },
  };
  return disk;
}

/** What a start would read from `dir` now: the live file with its journal replayed (archives not merged in). */
export async function liveOnDisk(dir: string): Promise<StoreDocument> {
  const loaded = await loadFile(join(dir, STORE), undefined, join(dir, JOURNAL_FILE));
  if (loaded.kind !== 'ok') throw new Error(`the live file is not usable: ${loaded.kind}`);
  return loaded.doc;
}
