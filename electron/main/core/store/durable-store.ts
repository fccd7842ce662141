// Runs in the main process and the preview host (Node). The store the services use once it is open: one writer,
// updates applied in call order, each acknowledged only once it is on disk.
//
// When a save fails (a full disk, a folder it may not write to) nothing the rep did is dropped: the change stays in
// memory and on screen, the notice says what happened, and the save is retried with backoff on the core's clock.
// Changes made meanwhile join the retry — the next successful write carries them all — and are answered with
// `StoreWriteDelayedError` rather than a false "saved". `saved` keeps the document that is really on disk, so the
// wrap-up gate can hold a wrap-up open until its next step is written (see create-core.ts).
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { Low } from 'lowdb';
import { emptyDocument, type StoreDocument } from '../../../../shared/domain';
import type { Notice } from '../../../../shared/views';
import type { Clock } from '../clock';
import type { Backup, BackupRing } from './backups';
import { serialize, type DurableJsonAdapter } from './durable-json-adapter';
import { freezeDocument, storeImmer } from './drafts';
import { errorCode } from './fs-ops';
import { MIGRATIONS, type Migration } from './migrations';
import { writeFailed } from './notices';
import { documentFromBytes } from './read-document';
import { retryDelay } from './save-retry';
import { warmRecordBytes } from './serialize';
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

  /** Resolves once the records opened are frozen and encoded, the work done in slices after open (benchmarks wait for
   * it to measure the store as it runs all day, not in its first second). */
  prepared(): Promise<void> {
    return this.warmed;
  }

  /** Queues `task` (see `inBackground`) once the records are prepared: the backup taken at open serialises the whole
   * document, which is then a copy of kept bytes rather than years of encoding in one block. */
  afterOpen(what: string, task: () => Promise<void>): void {
    void this.warmed.then(() => this.inBackground(what, task));
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
    await this.warmed; // what waits for it (the backup at open) is queued before the drain below
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

  backUpNow(reason: 'pre-restore'): Promise<BackupInfo> {
    // In the write queue: the copy holds every change made before the call, and no write overlaps it.
    return this.enqueue(async () => {
      try {
        return backupInfo(await this.backups.take(serialize(this.low.data), reason));
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

  /** Moves records that have become settled history out of the live file into their year's archive file (see
   * split-files.ts), in the write queue. `data` is not changed. Returns how many records moved. Skipped while
   * read-only or while saves are failing (the retry owns the disk then). */
  compactNow(): Promise<number> {
    return this.enqueue(async () => {
      if (this.state.readOnly || this.outage || this.unsaved) return 0;
      const moved = await this.adapter.compact(this.low.data, this.clock.now());
      if (moved > 0) this.log.info(`Store: moved ${moved} settled records into the archive files`);
      return moved;
    });
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
    this.inBackground('daily backup', () => this.backups.takeDailyIfDue(() => serialize(doc)));
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

const backupInfo = (backup: Backup): BackupInfo => ({ id: basename(backup.path), time: backup.time, reason: backup.reason });
