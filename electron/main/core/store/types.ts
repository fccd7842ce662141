// Runs in the main process and the preview host (Node). The store as the services see it.
import type { StoreDocument } from '../../../../shared/domain';
import type { Notice } from '../../../../shared/views';
import { writeProblem } from './write-problems';

export interface Store {
  /** The current, validated live document: every accepted change, saved or not (see `unsaved`). Read-only — frozen
   * from just after open, all but its collection arrays (see `freezeDocument`): change it only through `update`.
   * Settled history (finished for 60 days, and nothing live refers to it: see settled.ts) is not in it but in the
   * archives: ask `whole()` for everything. Whatever the present needs — the live call, owed wrap-ups, open steps,
   * open deals, the meetings coming up and what each of those refers to — is always here. */
  readonly data: StoreDocument;
  /** The whole document: the settled history read from the archives, then `data`. What the review, the export and
   * a restore's comparison ask for. */
  whole(): Promise<StoreDocument>;
  /** Takes an archived record back into `data` (with the archived records it refers to) so a change can be made to
   * it. Resolves false when it is not archived (or writes are refused or failing). */
  revive(ref: readonly ['threads' | 'meetings' | 'nextSteps', string]): Promise<boolean>;
  /** Replaces everything, history included, with what `build` makes of `data` (a restore); all or nothing. */
  replaceAll(build: (live: StoreDocument) => StoreDocument): Promise<void>;
  /** The document as it is on disk now. Equal to `data` except while saves are failing; the wrap-up gate asks it
   * too, so a wrap-up logged during a full disk stays owed until that step is on disk. */
  readonly saved: StoreDocument;
  /** True while `data` holds changes that are not on disk yet (a save failed; it is being retried). */
  readonly unsaved: boolean;
  /** True when writes are refused: a file from a newer app version, or an unreadable file with no backup that the
   * rep has not yet acknowledged. */
  readonly readOnly: boolean;
  /** What the rep must be told about the data (restored backup, newer version, a save being retried…), or null. */
  readonly notice: Notice | null;
  /**
   * Applies `mutate` to a copy of the document, makes the copy current (in memory) and writes it durably (temp file,
   * fsync, rename, fsync folder). Calls are serialized: one writer, in call order. The copy is an immer draft: its
   * proxies are revoked when `mutate` returns, so whatever is taken out of it must be made plain first (`undraft`
   * in drafts.ts; `ctx.mutate` does it for what a service's change returns).
   * - Resolves only once this change is on disk — an acknowledgement always means durable.
   * - Rejects with `StoreWriteDelayedError` when the write failed (or an earlier failed one is still being retried):
   *   the change is KEPT in `data` and saved with every later change by the retries on the core clock, and `notice`
   *   says so until a save succeeds.
   * - Rejects with `StoreReadOnlyError`, the error `mutate` threw, or a refusal to save a draft that fails the
   *   schema — and then `data` is left exactly as it was.
   */
  update(mutate: (draft: StoreDocument) => void): Promise<void>;
  /** The rep has read the notice. For "unreadable, no backup" this is the consent to start a fresh file; a
   * newer-version file stays read-only; a failed save's notice stays until the changes are on disk. */
  acknowledgeNotice(): Promise<void>;
  /** Called when something changes without an `update` call: a retried save succeeded or failed again. */
  onBackgroundChange(listener: () => void): () => void;
  /** Waits for pending writes; while saves are failing, makes one last attempt (logged if it fails too). */
  close(): Promise<void>;
  /** Every backup in the ring, newest first. */
  listBackups(): Promise<BackupInfo[]>;
  /** Takes a durable backup of everything as it is on disk now (after the queued writes), e.g. before a restore. */
  backUpNow(reason: 'pre-restore'): Promise<BackupInfo>;
  /** The whole document a backup holds (validated, migrated); throws an Error in plain words for an unknown id or a
   * damaged backup. Never changes anything. */
  readBackup(id: string): Promise<StoreDocument>;
  /** The same for a file the rep picked (a JSON export of the whole document); throws in plain words if unusable. */
  readDocumentFile(bytes: Uint8Array): Promise<StoreDocument>;
}

/** One backup as the settings page lists it. */
export interface BackupInfo {
  /** The backup's file name (no folder): what `readBackup` takes. */
  id: string;
  /** When it was taken (ms). */
  time: number;
  reason: 'open' | 'daily' | 'pre-migration' | 'pre-restore';
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

/** A change that is kept in memory (and shown) but could not be written yet; the store keeps retrying. */
export class StoreWriteDelayedError extends Error {
  constructor(
    /** The file system's error code (ENOSPC, EACCES…), for the wording. */
    readonly code: string,
    options?: ErrorOptions,
  ) {
    super(`Your change is kept, but it is not saved to disk yet (${writeProblem(code)}). Second Step keeps trying and will tell you once it is saved.`, options);
    this.name = 'StoreWriteDelayedError';
  }
}
