// Runs in the main process and the preview host (Node). A small ring of last-good copies of the store file in
// `<dir>/backups/`: one at each successful open, one before every migration, and at most one per calendar day while
// the app runs. Each copy is written durably and named with its time, so a restore can tell the rep which moment it
// brings back. Backups never sit on the normal write path: at most one extra write per day.
import { mkdir, readFile, readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { lightFormat } from 'date-fns';
import type { StoreDocument } from '../../../../shared/domain';
import { writeFileDurably } from './durable-file';
import { BACKUP_DIR, fileStamp, stampTime } from './file-names';
import type { FsOps } from './fs-ops';
import { loadFile } from './load';
import type { Migration } from './migrations';

export type BackupReason = 'open' | 'daily' | 'pre-migration' | 'pre-restore';

export interface Backup {
  path: string;
  /** When the copy was taken (ms), by the wall clock: what the rep is shown. */
  time: number;
  /** Counts up with every copy this folder has taken: what "newest" means. The wall clock can jump back (a wrong
   * clock corrected, a trip across zones on a machine set to local time), and a copy taken after such a jump must
   * still count as newer than the ones before it. 0 for copies named before the number existed. */
  seq: number;
  reason: BackupReason;
}

const NAME = /^second-step\.(.+?)(?:\.n(\d+))?\.(open|daily|pre-migration|pre-restore)\.json$/;

/** Newest first: by sequence, then (among copies from before sequences) by time. */
const newestFirst = (a: Backup, b: Backup) => b.seq - a.seq || b.time - a.time;
const MAX_BACKUPS = 10;
const NEWEST_KEPT = 2;
const DAYS_KEPT = 7;

const dayOf = (ms: number) => lightFormat(ms, 'yyyy-MM-dd'); // local day; lightFormat: no locale in the bundle

/** Which backups survive pruning (newest first): the 2 newest, the newest of each of the 7 most recent days that
 * have one, and the newest taken before a migration and before a restore (the way back from either) — at most 10.
 * Pure, so the policy is tested on its own. */
export function backupsToKeep(newestFirst: readonly Backup[]): Backup[] {
  const keep = new Set(newestFirst.slice(0, NEWEST_KEPT));
  const days = new Set<string>();
  for (const backup of newestFirst) {
    const day = dayOf(backup.time);
    if (days.has(day) || days.size >= DAYS_KEPT) continue;
    days.add(day);
    keep.add(backup);
  }
  for (const reason of ['pre-migration', 'pre-restore'] as const) {
    const newest = newestFirst.find((b) => b.reason === reason);
    if (newest) keep.add(newest);
  }
  return newestFirst.filter((b) => keep.has(b)).slice(0, MAX_BACKUPS);
}

export class BackupRing {
  readonly dir: string;
  /** The local day of the newest backup, once known; the daily backup is due when today differs. */
  private lastDay: string | undefined;

  constructor(
    storeDir: string,
    private readonly ops: FsOps,
    private readonly now: () => number,
  ) {
    this.dir = join(storeDir, BACKUP_DIR);
  }

  /** All backups, newest first. */
  async list(): Promise<Backup[]> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    return names
      .flatMap((name) => {
        const m = NAME.exec(name);
        const time = m ? stampTime(m[1]!) : null;
        return m && time !== null ? [{ path: join(this.dir, name), time, seq: Number(m[2] ?? 0), reason: m[3] as BackupReason }] : [];
      })
      .sort(newestFirst);
  }

  async take(bytes: Uint8Array, reason: BackupReason): Promise<Backup> {
    const time = this.now();
    const seq = Math.max(0, ...(await this.list()).map((b) => b.seq)) + 1;
    const backup = { path: join(this.dir, `second-step.${fileStamp(time)}.n${seq}.${reason}.json`), time, seq, reason };
    await mkdir(this.dir, { recursive: true });
    await writeFileDurably(backup.path, bytes, this.ops);
    this.lastDay = dayOf(time);
    await this.prune();
    return backup;
  }

  /** The copy taken at open, skipped when the newest backup already holds exactly these bytes. */
  async takeAtOpen(bytes: Uint8Array): Promise<void> {
    const newest = (await this.list())[0];
    if (newest && Buffer.from(bytes).equals(await readFile(newest.path).catch(() => Buffer.alloc(0)))) {
      this.lastDay = dayOf(newest.time);
      return;
    }
    await this.take(bytes, 'open');
  }

  /** Takes the day's backup if none was taken today. `bytes` is only called when one is due. */
  async takeDailyIfDue(bytes: () => Uint8Array): Promise<void> {
    if (this.lastDay === undefined) {
      const newest = (await this.list())[0];
      this.lastDay = newest ? dayOf(newest.time) : '';
    }
    if (this.lastDay !== dayOf(this.now())) await this.take(bytes(), 'daily');
  }

  /** The backup named `id` (a file name from `list`), or null: only names the ring itself lists are ever read. */
  async find(id: string): Promise<Backup | null> {
    return (await this.list()).find((b) => basename(b.path) === id) ?? null;
  }

  /** The newest backup that loads (after migration), skipping backups that are themselves damaged. */
  async newestValid(migrations: readonly Migration[]): Promise<{ backup: Backup; doc: StoreDocument } | null> {
    for (const backup of await this.list()) {
      const loaded = await loadFile(backup.path, migrations).catch(() => null);
      if (loaded?.kind === 'ok') return { backup, doc: loaded.doc };
    }
    return null;
  }

  private async prune(): Promise<void> {
    const all = await this.list();
    const kept = new Set(backupsToKeep(all));
    await Promise.all(all.filter((b) => !kept.has(b)).map((b) => this.ops.unlink(b.path).catch(() => {})));
  }
}
