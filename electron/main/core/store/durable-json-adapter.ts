// Runs in the main process and the preview host (Node). lowdb's adapter for the store, written durably. lowdb's
// own JSONFile adapter (steno) renames but never fsyncs, and JSONFilePreset silently swaps in a memory adapter under
// NODE_ENV=test — so the store builds `new Low(new DurableJsonAdapter(...))` itself. The live document is written as
// the live file (next to the per-year archive files of settled history, split-files.ts), and each change in between
// as a line of the journal (journal.ts): a change is as cheap as it is small, and the live file is rewritten now and
// then.
import type { Adapter } from 'lowdb';
import type { StoreDocument } from '../../../../shared/domain';
import type { ManifestEntry } from './archive-files';
import type { FsOps } from './fs-ops';
import { JOURNAL_FILE } from './file-names';
import type { ArchiveChanges } from './history';
import { Journal, deltaBetween, newBase, type JournalMark } from './journal';
import { loadFile } from './load';
import { MIGRATIONS, type Migration } from './migrations';
import { join } from 'node:path';
import { keepBytesSoon, warmRecordBytes } from './serialize';
import { SplitFiles } from './split-files';

export { serialize } from './serialize';

export class DurableJsonAdapter implements Adapter<StoreDocument> {
  /** The live file and the archive files (what the history reads, see durable-store.ts). */
  readonly split: SplitFiles;
  private readonly journal: Journal;
  /** Whether the live file on disk is the one the journal continues: only then may a change be appended. */
  private liveOnDisk = false;

  constructor(
    readonly file: string,
    readonly ops: FsOps,
    private readonly migrations: readonly Migration[] = MIGRATIONS,
  ) {
    this.split = new SplitFiles(file, ops);
    this.journal = new Journal(join(file, '..', JOURNAL_FILE), ops, 0);
  }

  get journalPath(): string {
    return this.journal.path;
  }

  /** The validated live file with its journal replayed, or null when there is none (the archives are put back by
   * open-store.ts). A file that cannot be used as is throws: deciding what to do about it is open-store.ts's job,
   * never a silent default. */
  async read(): Promise<StoreDocument | null> {
    const loaded = await loadFile(this.file, this.migrations, this.journal.path);
    if (loaded.kind === 'missing') return null;
    if (loaded.kind === 'ok') return loaded.doc;
    throw new Error(`Cannot use ${this.file}: ${loaded.kind === 'newer' ? 'a newer app version wrote it' : loaded.reason}`);
  }

  /** Writes the live document whole, after the archive years `changes` replaces (if any): the live file (noting the
   * journal's mark), then empties the journal. Records whose bytes are not kept yet (just opened, not yet prepared)
   * are encoded first in slices, so the write itself only copies bytes: never seconds of encoding in one block while
   * the rep waits. */
  async write(doc: StoreDocument, changes?: ArchiveChanges): Promise<void> {
    await warmRecordBytes(doc, () => false);
    const mark = this.nextMark();
    const sha256 = await this.split.write(doc, mark, changes);
    await this.continueFrom(mark, sha256);
  }

  /** Makes `doc` durable, given `onDisk`, the live document on disk now: as one journal line when it can, otherwise
   * (no live file to continue, a long or failed journal) by writing it whole. */
  async save(onDisk: StoreDocument, doc: StoreDocument): Promise<void> {
    if (this.liveOnDisk && !this.journal.wantsWholeWrite) {
      const delta = deltaBetween(onDisk, doc);
      if (delta === null) return;
      await this.journal.append(delta);
      // The records it set will be in the next whole write of the live file: encode them now, a few per change,
      // rather than all of them in that write (after a calendar import, thousands in one block).
      void keepBytesSoon(Object.values(delta.set ?? {}).flat());
      return;
    }
    await this.write(doc);
  }

  /** True when the journal holds changes the live file does not. */
  get journaled(): boolean {
    return !this.journal.isEmpty;
  }

  /** Carries on from the folder as it was loaded: the live file's manifest, and its journal mark with the last change
   * replayed. */
  adopt(manifest: readonly ManifestEntry[], mark: JournalMark): void {
    this.split.adopt(manifest);
    this.journal.seq = mark.seq;
    this.journal.base = mark.base;
    this.liveOnDisk = mark.base !== null;
  }

  /** Each whole write of the live file is a new base for the journal's lines. */
  private nextMark(): { base: string; seq: number } {
    return { base: newBase(), seq: this.journal.seq };
  }

  /** The live file marked `mark`, whose bytes hash to `sha256`, is on disk: lines appended from now on continue it. */
  private async continueFrom(mark: { base: string; seq: number }, sha256: string): Promise<void> {
    this.journal.base = mark.base;
    this.liveOnDisk = true;
    await this.journal.emptied(sha256);
  }

  close(): Promise<void> {
    return this.journal.close();
  }
}
