// Runs in the main process and the preview host (Node). lowdb's adapter for the store, written durably. lowdb's
// own JSONFile adapter (steno) renames but never fsyncs, and JSONFilePreset silently swaps in a memory adapter under
// NODE_ENV=test — so the store builds `new Low(new DurableJsonAdapter(...))` itself. The document is written as the
// live file plus per-year archive files of settled history (split-files.ts).
import type { Adapter } from 'lowdb';
import type { StoreDocument } from '../../../../shared/domain';
import type { FsOps } from './fs-ops';
import { loadFile } from './load';
import { MIGRATIONS, type Migration } from './migrations';
import { SplitFiles, type SplitState } from './split-files';

export { serialize } from './serialize';

export class DurableJsonAdapter implements Adapter<StoreDocument> {
  private readonly split: SplitFiles;

  constructor(
    readonly file: string,
    ops: FsOps,
    private readonly migrations: readonly Migration[] = MIGRATIONS,
  ) {
    this.split = new SplitFiles(file, ops);
  }

  /** The validated live file, or null when there is none (the archives are put back by open-store.ts). A file
   * that cannot be used as is throws: deciding what to do about it is open-store.ts's job, never a silent default. */
  async read(): Promise<StoreDocument | null> {
    const loaded = await loadFile(this.file, this.migrations);
    if (loaded.kind === 'missing') return null;
    if (loaded.kind === 'ok') return loaded.doc;
    throw new Error(`Cannot use ${this.file}: ${loaded.kind === 'newer' ? 'a newer app version wrote it' : loaded.reason}`);
  }

  write(doc: StoreDocument): Promise<void> {
    return this.split.write(doc);
  }

  /** Carries on from the folder as it was loaded. */
  adopt(state: SplitState, doc: StoreDocument): void {
    this.split.adopt(state, doc);
  }

  /** Moves newly settled records into their year's archive; the document itself is unchanged. */
  compact(doc: StoreDocument, now: number): Promise<number> {
    return this.split.compact(doc, now);
  }
}
