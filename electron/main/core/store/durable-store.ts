// Runs in the main process and the preview host (Node). The store the services use once it is open: one writer,
// updates applied in call order, each one on disk before it becomes current. A failed write leaves the current
// document exactly as it was, so memory never runs ahead of the file.
import { Low } from 'lowdb';
import { StoreDocument, emptyDocument } from '../../../../shared/domain';
import type { Notice } from '../../../../shared/views';
import type { BackupRing } from './backups';
import { serialize, type DurableJsonAdapter } from './durable-json-adapter';
import { errorCode } from './fs-ops';
import { writeFailed } from './notices';
import { StoreReadOnlyError, type Store, type StoreLog } from './types';

export interface OpenedState {
  doc: StoreDocument;
  readOnly: boolean;
  notice: Notice | null;
}

export class DurableStore implements Store {
  private readonly low: Low<StoreDocument>;
  /** The tail of the one write queue. It never rejects: each task's own promise carries its outcome. */
  private queue: Promise<unknown> = Promise.resolve();
  private state: Omit<OpenedState, 'doc'>;

  constructor(
    opened: OpenedState,
    adapter: DurableJsonAdapter,
    private readonly backups: BackupRing,
    private readonly log: StoreLog,
  ) {
    this.low = new Low(adapter, opened.doc);
    this.state = { readOnly: opened.readOnly, notice: opened.notice };
  }

  get data(): StoreDocument {
    return this.low.data;
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
      const draft = structuredClone(this.low.data);
      mutate(draft);
      // Never write what the next start could not read back: it would be taken for a corrupt file.
      const checked = StoreDocument.safeParse(draft);
      if (!checked.success) throw new Error(`Refusing to save an invalid document: ${checked.error.issues[0]?.message}`);
      await this.commit(checked.data);
      this.inBackground('daily backup', () => this.backups.takeDailyIfDue(() => serialize(checked.data)));
    });
  }

  acknowledgeNotice(): Promise<void> {
    return this.enqueue(async () => {
      // For an unreadable file with no backup, the rep's OK is the consent to start afresh (the old file stays in
      // quarantine). A newer-version file stays read-only: only updating the app can change that.
      if (this.state.notice?.kind === 'unreadable-no-backup') {
        await this.commit(emptyDocument());
        this.state.readOnly = false;
      }
      this.state.notice = null;
    });
  }

  async close(): Promise<void> {
    // A write queues its backup behind it while running, so wait until the tail stops moving.
    let tail: Promise<unknown>;
    do {
      tail = this.queue;
      await tail;
    } while (tail !== this.queue);
  }

  /** Queues work that must not overlap a write (a backup) without making any caller wait for it. */
  inBackground(what: string, task: () => Promise<void>): void {
    this.enqueue(task).catch((error: unknown) => this.log.warn(`Store: ${what} failed`, error));
  }

  private async commit(doc: StoreDocument): Promise<void> {
    try {
      await this.low.adapter.write(doc);
    } catch (error) {
      this.state.notice ??= writeFailed(errorCode(error));
      this.log.error('Store: write failed; the file on disk is unchanged', error);
      throw error;
    }
    this.low.data = doc;
    if (this.state.notice?.kind === 'write-failed') this.state.notice = null;
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const result = this.queue.then(task);
    this.queue = result.catch(() => {});
    return result;
  }
}
