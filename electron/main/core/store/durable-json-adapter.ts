// Runs in the main process and the preview host (Node). lowdb's adapter for the store file, written durably. lowdb's
// own JSONFile adapter (steno) renames but never fsyncs, and JSONFilePreset silently swaps in a memory adapter under
// NODE_ENV=test — so the store builds `new Low(new DurableJsonAdapter(...))` itself.
import type { Adapter } from 'lowdb';
import type { StoreDocument } from '../../../../shared/domain';
import { writeFileDurably } from './durable-file';
import type { FsOps } from './fs-ops';
import { loadFile } from './load';
import { MIGRATIONS, type Migration } from './migrations';
import { serialize } from './serialize';

export { serialize } from './serialize';

export class DurableJsonAdapter implements Adapter<StoreDocument> {
  constructor(
    readonly file: string,
    private readonly ops: FsOps,
    private readonly migrations: readonly Migration[] = MIGRATIONS,
  ) {}

  /** The validated document, or null when there is no file. A file that cannot be used as is throws: deciding what
   * to do about it (quarantine, restore, read-only) is open-store.ts's job, never a silent default. */
  async read(): Promise<StoreDocument | null> {
    const loaded = await loadFile(this.file, this.migrations);
    if (loaded.kind === 'missing') return null;
    if (loaded.kind === 'ok') return loaded.doc;
    throw new Error(`Cannot use ${this.file}: ${loaded.kind === 'newer' ? 'a newer app version wrote it' : loaded.reason}`);
  }

  write(doc: StoreDocument): Promise<void> {
    return writeFileDurably(this.file, serialize(doc), this.ops);
  }
}
