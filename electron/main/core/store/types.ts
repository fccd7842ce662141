// Runs in the main process and the preview host (Node). The store as the services see it.
import type { StoreDocument } from '../../../../shared/domain';
import type { Notice } from '../../../../shared/views';

export interface Store {
  /** The current, validated document. Treat as read-only: change it only through `update`. */
  readonly data: StoreDocument;
  /** True when writes are refused: a file from a newer app version, or an unreadable file with no backup that the
   * rep has not yet acknowledged. */
  readonly readOnly: boolean;
  /** What the rep must be told about the data (restored backup, newer version, …), or null. */
  readonly notice: Notice | null;
  /**
   * Applies `mutate` to a copy of the document, writes the copy durably (temp file, fsync, rename, fsync folder) and
   * only then makes it current. Calls are serialized: one writer, in call order. Resolves once the write is on disk;
   * rejects with `StoreReadOnlyError`, the error `mutate` threw, a refusal to save a draft that fails the schema, or
   * the write's error (then `notice` says so until a write succeeds), always leaving `data` as it was.
   */
  update(mutate: (draft: StoreDocument) => void): Promise<void>;
  /** The rep has read the notice. For "unreadable, no backup" this is the consent to start a fresh file; a
   * newer-version file stays read-only. */
  acknowledgeNotice(): Promise<void>;
  /** Waits for pending writes. */
  close(): Promise<void>;
}

/** Where the store reports what it did to files (quarantined, restored, migrated, a failed write or backup).
 * The core's `CoreLog` and electron-log both fit. */
export interface StoreLog {
  info(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
}

export class StoreReadOnlyError extends Error {
  constructor(message = 'Your data is open read-only, so this change was not saved.') {
    super(message);
    this.name = 'StoreReadOnlyError';
  }
}
