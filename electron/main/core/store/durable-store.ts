// Runs in the main process and the preview host (Node). The store the services use once it is open: one writer,
// updates applied in call order, each acknowledged only once it is on disk.
//
// When a save fails (a full disk, a folder it may not write to) nothing the rep did is dropped: the change stays in
// memory and on screen, the notice says what happened, and the save is retried with backoff on the core's clock.
// Changes made meanwhile join the retry — the next successful write carries them all — and are answered with
// `StoreWriteDelayedError` rather than a false "saved". `saved` keeps the document that is really on disk, so the
// wrap-up gate can hold a wrap-up open until its next step is written (see create-core.ts).
//
// Changes are made on the live document only: settled history (see settled.ts) is moved out of it into the archive
// files once a day, and read back after open into a History of its own (history.ts) for what needs the whole
// document — the review, the export, the backups. A change to an archived record first takes it back (`revive`).
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { Low } from 'lowdb';
import { emptyDocument, type StoreDocument } from '../../../../shared/domain';
import type { Notice } from '../../../../shared/views';
import type { Clock } from '../clock';
import type { Backup, BackupRing } from './backups';
import type { DurableJsonAdapter } from './durable-json-adapter';
import { freezeDocument, storeImmer } from './drafts';
import { History, type ArchiveChanges } from './history';
import { readArchives, removeOrphans } from './load-split';
import { errorCode } from './fs-ops';
import { MIGRATIONS, type Migration } from './migrations';
import { archiveRestored, archiveUnreadableNoBackup, writeFailed } from './notices';
import { quarantine } from './quarantine';
import { documentFromBytes } from './read-document';
import { retryDelay } from './save-retry';
import { serialize as encode, warmRecordBytes } from './serialize';
import { ARCHIVED, settlingNow, type ArchivedCollection, type Ref } from './settled';
import { TouchedCheck } from './touched-check';
import { StoreReadOnlyError, StoreWriteDelayedError, type BackupInfo, type Store, type StoreLog } from './types';
import { writeProblem } from './write-problems';

export interface OpenedState {
  doc: StoreDocument;
  readOnly: boolean;
  notice: Notice | null;
}

/** A run of failed saves, from the first failure until a save succeeds. */
interface Outage {
  /** Retries made so far; picks the next wait. */
  attempts: number;
  code: string;
  /** Cancels the armed retry; null when none is armed (after `close`). */
  cancelRetry: (() => void) | null;
  /** The notice the failure notice covers (a restored backup…): it comes back once the outage is over. */
  covered: Notice | null;
}

export class DurableStore implements Store {
  private readonly low: Low<StoreDocument>;
  /** The tail of the one write queue. It never rejects: each task's own promise carries its outcome. */
  private queue: Promise<unknown> = Promise.resolve();
  private state: Omit<OpenedState, 'doc'>;
  private onDisk: StoreDocument;
  private outage: Outage | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly touched = new TouchedCheck();
  /** Set by `close`: background work that is only worth it while the app runs stops. */
  private closing = false;
  /** Resolves once the records of the document opened are frozen and encoded (or that stopped at close). */
  private readonly warmed: Promise<void>;
  /** Cancels the armed compaction (moving settled history into the archive files). */
  private cancelCompaction: () => void = () => {};
  /** The settled history as it is on disk, once read (see `history`). */
  private past = new History();
  /** Resolves once the archives are read (and a damaged one dealt with); started by the first need of them. */
  private reading: Promise<void> | null = null;
  /** Resolves once the history's records are encoded too (the backups copy their bytes). */
  private historyWarmed: Promise<void> = Promise.resolve();
  /** What `afterOpen` queues once the store is prepared: `close` waits until they are queued, then for them. */
  private readonly openTasks: Promise<void>[] = [];
  /** The last whole document handed out, for the live document and history it was merged from. */
  private merged: { live: StoreDocument; past: History; whole: StoreDocument } | null = null;

  constructor(
    opened: OpenedState,
    private readonly adapter: DurableJsonAdapter,
    private readonly backups: BackupRing,
    private readonly log: StoreLog,
    private readonly clock: Pick<Clock, 'now' | 'at'>,
    private readonly migrations: readonly Migration[] = MIGRATIONS,
  ) {
    this.low = new Low(adapter, opened.doc);
    this.onDisk = opened.doc;
    this.state = { readOnly: opened.readOnly, notice: opened.notice };
    // The document and its fields are frozen now; its records — years of them — in slices outside the write queue,
    // each encoded once while at it (see serialize.ts), so neither the open nor the rep's first change waits for the
    // whole history. Nothing needs them frozen before that: records are never changed in place, a change's new
    // records are frozen by its check, and a record's bytes are only kept once it is frozen.
    const doc = this.low.data;
    if (!Object.isFrozen(doc)) freezeDocument(doc, { records: false });
    this.warmed = warmRecordBytes(doc, () => this.closing).catch((error: unknown) =>
      this.log.warn('Store: preparing the records ahead failed', error),
    );
    this.scheduleCompaction(COMPACT_FIRST_AFTER_MS);
  }

  /** Resolves once the records opened are frozen and encoded and the history is read and encoded, the work done in
   * slices after open (benchmarks wait for it to measure the store as it runs all day, not in its first second). */
  async prepared(): Promise<void> {
    await this.warmed;
    await this.history().catch(() => {});
    await this.historyWarmed;
  }

  /** Queues `task` (see `inBackground`) once the records are prepared and the history is read: the backup taken at
   * open serialises the whole document, which is then a copy of kept bytes rather than years of encoding in one block. */
  afterOpen(what: string, task: () => Promise<void>): void {
    // Not once the history turned out damaged with no backup: the folder then stays exactly as it is.
    this.openTasks.push(this.prepared().then(() => void (this.state.readOnly || this.inBackground(what, task))));
  }

  /** The whole document: the settled history read from the archives, then the live document. */
  async whole(): Promise<StoreDocument> {
    await this.history();
    return this.wholeNow();
  }

  /** The whole document with the live document `live` (by default the current one); only complete once the history
   * is read. */
  wholeNow(live: StoreDocument = this.low.data): StoreDocument {
    if (live !== this.low.data) return this.past.merge(live);
    if (this.merged?.live !== live || this.merged.past !== this.past) this.merged = { live, past: this.past, whole: this.past.merge(live) };
    return this.merged.whole;
  }

  /** Reads the settled history, once (outside the write queue: never call it from a task in the queue, as dealing
   * with a damaged archive is queued). */
  history(): Promise<void> {
    return (this.reading ??= this.readHistory());
  }

  get data(): StoreDocument {
    return this.low.data;
  }

  get saved(): StoreDocument {
    return this.onDisk;
  }

  get unsaved(): boolean {
    return this.low.data !== this.onDisk;
  }

  get readOnly(): boolean {
    return this.state.readOnly;
  }

  get notice(): Notice | null {
    return this.state.notice;
  }

  update(mutate: (draft: StoreDocument) => void): Promise<void> {
    return this.enqueue(async () => {
      if (this.state.readOnly) throw new StoreReadOnlyError();
      const before = this.low.data;
      // Structural sharing: what `mutate` does not touch stays the same (frozen) object, so nothing is copied whole.
      const after = storeImmer.produce(before, (draft) => void mutate(draft as StoreDocument));
      // Never keep (or write) what the next start could not read back: it would be taken for a corrupt file. Only
      // what changed is checked (see touched-check.ts); the verdicts are those of a full check.
      const verdict = this.touched.check(before, after);
      if (!verdict.ok) throw new Error(verdict.reason);
      verdict.commit();
      this.low.data = verdict.doc; // from here on the change is the rep's data, saved or not
      if (this.outage) {
        // Queued behind the failed save: the next retry writes it together with everything before it.
        this.armRetry(this.outage);
        throw new StoreWriteDelayedError(this.outage.code);
      }
      await this.save();
    });
  }

  acknowledgeNotice(): Promise<void> {
    return this.enqueue(async () => {
      const notice = this.state.notice;
      // Not the rep's to dismiss: it goes away by itself once the changes are on disk.
      if (notice?.kind === 'write-failed') return;
      this.state.notice = null;
      // For an unreadable file with no backup, the rep's OK is the consent to start afresh (the old file stays in
      // quarantine). A newer-version file stays read-only: only updating the app can change that.
      if (notice?.kind === 'unreadable-no-backup') {
        this.state.readOnly = false;
        this.low.data = emptyDocument();
        await this.save();
      }
    });
  }

  onBackgroundChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.closing = true;
    this.cancelCompaction();
    await Promise.all(this.openTasks); // what waits for the open to be prepared (its backup) is queued before the drain below
    await this.reading?.catch(() => {}); // logged where it failed
    await this.historyWarmed;
    await this.drain();
    // Leave one whole live file behind, so the next start reads it without replaying the journal.
    await this.enqueue(async () => {
      if (!this.outage && !this.state.readOnly && !this.unsaved && this.adapter.journaled) await this.adapter.write(this.low.data);
    }).catch((error: unknown) => this.log.warn('Store: writing the live file whole at close failed; the journal keeps the changes', error));
    const outage = this.outage;
    if (!outage) return void (await this.adapter.close());
    // Quitting: one last try instead of waiting for the timer; if it fails the changes are lost with the process,
    // which the notice has been saying all along.
    outage.cancelRetry?.();
    outage.cancelRetry = null;
    await this.enqueue(() => this.save({ retry: false })).catch((error: unknown) =>
      this.log.error('Store: closing with changes that could not be saved', error),
    );
    await this.drain();
    await this.adapter.close();
  }

  listBackups(): Promise<BackupInfo[]> {
    // In the write queue, so a backup being written (the day's, the one at open) is listed once it is complete.
    return this.enqueue(async () => (await this.backups.list()).map(backupInfo));
  }

  async backUpNow(reason: 'pre-restore'): Promise<BackupInfo> {
    await this.history();
    // In the write queue: the copy holds every change made before the call, and no write overlaps it.
    return this.enqueue(async () => {
      try {
        return backupInfo(await this.backups.take(encode(this.wholeNow()), reason));
      } catch (error) {
        this.log.error('Store: a backup could not be written', error);
        throw new Error(`The backup could not be saved: ${writeProblem(errorCode(error))}.`, { cause: error });
      }
    });
  }

  async readBackup(id: string): Promise<StoreDocument> {
    const backup = await this.backups.find(id);
    if (!backup) throw new Error('That backup no longer exists (it may have been removed as newer ones were taken).');
    const bytes = await readFile(backup.path).catch(() => null);
    if (!bytes) throw new Error('That backup could not be read from the disk.');
    return documentFromBytes(bytes, 'This backup', this.migrations);
  }

  readDocumentFile(bytes: Uint8Array): Promise<StoreDocument> {
    return Promise.resolve().then(() => documentFromBytes(bytes, 'This file', this.migrations));
  }

  /** Moves records that have become settled history (settled.ts) out of the live document into their year's archive
   * file, in the write queue: the archive years first, then the live file without them. Returns how many records
   * moved. Skipped while read-only or while saves are failing (the retry owns the disk then). */
  async compactNow(): Promise<number> {
    await this.history();
    return this.enqueue(async () => {
      if (this.state.readOnly || this.outage || this.unsaved) return 0;
      const live = this.low.data;
      const past = this.past;
      const moving = settlingNow(live, this.clock.now(), { has: (id) => past.yearOf('meetings', id) !== undefined });
      const moved = ARCHIVED.reduce((n, c) => n + moving.get(c)!.size, 0);
      if (moved === 0) return 0;
      const { changes, next } = past.filing(live, moving);
      const after = withCollections(live, (c) => live[c].filter((r) => !moving.get(c)!.has(r.id)));
      await this.moved(after, changes, next);
      this.log.info(`Store: moved ${moved} settled records into the archive files`);
      return moved;
    });
  }

  /** Takes an archived record back into the live document — with the archived records it refers to — so a change can
   * be made to it: its year's archive is rewritten without it, then the live file with it (it is never in both).
   * Returns false when `ref` is not archived, or while writes are refused or failing. */
  async revive(ref: Ref): Promise<boolean> {
    if (this.state.readOnly) return false;
    await this.history();
    return this.enqueue(() => this.takeBack([ref]));
  }

  /** In the write queue: takes `refs` (and what they refer to) back from the history in one write. */
  private async takeBack(refs: readonly Ref[]): Promise<boolean> {
    if (this.state.readOnly || this.outage || this.unsaved) return false;
    let past = this.past;
    const back = new Map<ArchivedCollection, { id: string }[]>(ARCHIVED.map((c) => [c, []]));
    const changes: ArchiveChanges = new Map();
    for (const ref of refs) {
      const taken = past.taking(ref);
      if (!taken) continue;
      for (const c of ARCHIVED) back.get(c)!.push(...taken.records[c]);
      for (const [year, records] of taken.changes) changes.set(year, records); // from the history as it is by now
      past = taken.next;
    }
    if (changes.size === 0) return false;
    const live = this.low.data;
    await this.moved(withCollections(live, (c) => [...live[c], ...back.get(c)!]), changes, past);
    return true;
  }

  /** Replaces everything — the live document and the settled history — with what `build` makes of the live document
   * (a restore). In the write queue; all or nothing: on any failure nothing is changed, in memory or on disk. The
   * records that are settled move back into the archives at the next compaction, armed for soon after. */
  async replaceAll(build: (live: StoreDocument) => StoreDocument): Promise<void> {
    await this.history();
    await this.enqueue(async () => {
      if (this.state.readOnly) throw new StoreReadOnlyError();
      if (this.outage) throw new Error(`Nothing was replaced: your changes are not saved yet (${writeProblem(this.outage.code)}).`);
      const before = this.low.data;
      const verdict = this.touched.check(before, build(before));
      if (!verdict.ok) throw new Error(verdict.reason);
      await this.adapter.write(verdict.doc, this.past.dropping());
      verdict.commit();
      this.low.data = verdict.doc;
      this.onDisk = verdict.doc;
      this.past = new History();
    });
    this.cancelCompaction();
    if (!this.closing) this.scheduleCompaction(COMPACT_FIRST_AFTER_MS);
  }

  /** Writes `live` after the archive years `changes` (records moving in or out), then makes both current. */
  private async moved(live: StoreDocument, changes: ArchiveChanges, next: History): Promise<void> {
    await this.adapter.write(live, changes);
    this.low.data = live;
    this.onDisk = live;
    this.past = next;
  }

  private async readHistory(): Promise<void> {
    const split = this.adapter.split;
    const entries = split.entries();
    const read = await readArchives(split.dir, entries).catch((error: unknown) => {
      this.log.error('Store: the archive files could not be read', error);
      throw new Error('Your past meetings could not be read from the disk. Restart Second Step to try again.', { cause: error });
    });
    split.rehash(read.checked);
    this.past = read.history;
    const damaged = read.damaged;
    // Dealt with in the write queue (`close` waits for this read before it drains the queue).
    if (damaged) {
      await this.enqueue(() => this.recoverArchive(damaged)).catch((error: unknown) =>
        this.log.error('Store: taking a damaged archive\'s records back from the backup failed; the next start tries again', error),
      );
    }
    // A folder an older version compacted may have filed what a live record refers to: it comes back live.
    const referenced = this.past.referencedBy(this.low.data);
    if (referenced.length > 0) {
      await this.enqueue(() => this.takeBack(referenced)).catch((error: unknown) =>
        this.log.error('Store: taking referenced records back from the archives failed; the next start tries again', error),
      );
    }
    this.historyWarmed = warmRecordBytes(this.past.records(), () => this.closing).catch((error: unknown) =>
      this.log.warn('Store: preparing the history ahead failed', error),
    );
    // Archive versions a cut-short write left behind go, once nothing they hold is missing from the data.
    this.inBackground('removing leftover archive versions', async () => {
      if (this.state.readOnly) return;
      const removed = await removeOrphans(split.dir, this.wholeNow(), split.entries(), this.adapter.ops);
      if (removed.length) this.log.info('Store: removed archive versions left by an interrupted write', removed);
    });
  }

  /** An archive file is missing or damaged: its records come back from the newest valid backup into the live
   * document (the next compaction files them again), the damaged file is moved aside untouched and the live file
   * stops naming it. With no backup, the rest is shown read-only and nothing on disk is changed. */
  private async recoverArchive(damaged: { file: string; year: number; reason: string; exists: boolean }): Promise<void> {
    this.log.error(`Store: the archive ${damaged.file} cannot be used (${damaged.reason})`);
    const found = this.state.readOnly ? null : await this.backups.newestValid(this.migrations);
    if (!found) {
      this.state.readOnly = true;
      this.state.notice = archiveUnreadableNoBackup(damaged.file);
      return this.announce();
    }
    const now = this.clock.now();
    const quarantinedFile = damaged.exists ? await quarantine(damaged.file, now, this.adapter.ops) : null;
    const whole = this.wholeNow();
    let recovered = 0;
    const live = this.low.data;
    const after = withCollections(live, (c) => {
      const have = new Set(whole[c].map((r) => r.id));
      const missing = (found.doc[c] as readonly { id: string }[]).filter((r) => !have.has(r.id));
      recovered += missing.length;
      return [...missing, ...live[c]];
    });
    this.adapter.split.forget(damaged.year);
    await this.adapter.write(after);
    this.low.data = after;
    this.onDisk = after;
    this.log.warn(`Store: took ${recovered} records back from the backup ${found.backup.path}`);
    this.state.notice = archiveRestored({ file: damaged.file, quarantinedFile, backupTime: found.backup.time, recovered, now });
    this.announce();
  }

  /** Queues work that must not overlap a write (a backup) without making any caller wait for it. */
  inBackground(what: string, task: () => Promise<void>): void {
    this.enqueue(task).catch((error: unknown) => this.log.warn(`Store: ${what} failed`, error));
  }

  /** Writes what is in memory now. On failure starts (or continues) the outage and throws StoreWriteDelayedError. */
  private async save({ retry = true } = {}): Promise<void> {
    const doc = this.low.data;
    try {
      await this.adapter.save(this.onDisk, doc);
    } catch (error) {
      const code = errorCode(error);
      this.log.error('Store: write failed; the change is kept in memory and will be retried', error);
      const outage = this.failedAgain(code);
      if (retry) this.armRetry(outage);
      throw new StoreWriteDelayedError(code, { cause: error });
    }
    this.onDisk = doc;
    if (this.outage) this.recovered(this.outage);
    // Of the whole document on disk once it is due: queued once the history is read (never awaited in the queue).
    void this.history().then(() => this.inBackground('daily backup', () => this.backups.takeDailyIfDue(() => encode(this.wholeNow(this.onDisk)))));
  }

  /** Compaction runs a while after open (not on the way to the first window) and then once a day. */
  private scheduleCompaction(afterMs: number): void {
    this.cancelCompaction = this.clock.at(this.clock.now() + afterMs, () => {
      if (this.closing) return;
      this.compactNow()
        .catch((error: unknown) => this.log.warn('Store: moving settled records into the archive files failed', error))
        .finally(() => {
          if (!this.closing) this.scheduleCompaction(COMPACT_EVERY_MS);
        });
    });
  }

  private failedAgain(code: string): Outage {
    const outage = (this.outage ??= { attempts: 0, code, cancelRetry: null, covered: this.state.notice });
    outage.code = code;
    this.state.notice = writeFailed(code);
    return outage;
  }

  private recovered(outage: Outage): void {
    outage.cancelRetry?.();
    this.outage = null;
    if (this.state.notice?.kind === 'write-failed') this.state.notice = outage.covered;
    this.log.info('Store: the changes that could not be saved are on disk now');
  }

  private armRetry(outage: Outage): void {
    if (outage.cancelRetry) return;
    const at = this.clock.now() + retryDelay(outage.attempts);
    outage.cancelRetry = this.clock.at(at, () => {
      outage.cancelRetry = null;
      outage.attempts += 1;
      this.enqueue(() => this.save())
        .catch(() => {}) // logged in save(); the next retry is armed there
        .finally(() => this.announce());
    });
  }

  private announce(): void {
    for (const listener of this.listeners) listener();
  }

  /** Waits until the queue stops moving: a write queues its backup behind it while running. */
  private async drain(): Promise<void> {
    let tail: Promise<unknown>;
    do {
      tail = this.queue;
      await tail;
    } while (tail !== this.queue);
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const result = this.queue.then(task);
    this.queue = result.catch(() => {});
    return result;
  }
}

const COMPACT_FIRST_AFTER_MS = 5 * 60_000;
const COMPACT_EVERY_MS = 86_400_000;

/** `doc` with each archived collection replaced by `records(collection)`, frozen as the store keeps documents. */
function withCollections(doc: StoreDocument, records: (c: ArchivedCollection) => readonly { id: string }[]): StoreDocument {
  const out = { ...doc };
  for (const c of ARCHIVED) (out as Record<string, unknown>)[c] = records(c);
  return freezeDocument(out, { records: false });
}

const backupInfo = (backup: Backup): BackupInfo => ({ id: basename(backup.path), time: backup.time, reason: backup.reason });
