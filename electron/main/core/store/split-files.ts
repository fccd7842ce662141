// Runs in the main process and the preview host (Node). Writes the data folder: the live file (the live document,
// small: everything that may still change, see settled.ts) and the archive file of each year of settled history.
// The live file lists the archive versions that belong to it (the manifest), with each one's SHA-256.
//
// A write puts new archive versions first (a new name each time, never over an existing file), then replaces the
// live file — the single commit point: its manifest names the archive versions that belong to it — then removes the
// versions it superseded. A crash before the live file is replaced leaves an unreferenced archive version that the
// next open ignores and removes; a crash after leaves superseded versions that are removed the same way. So a move
// of records into an archive (compaction), out of one (a change to an old record) and a restore are all atomic.
// Most writes change no archive at all: they rewrite the live file only.
import { join } from 'node:path';
import type { StoreDocument } from '../../../../shared/domain';
import { encodeArchive, sha256Of, type ManifestEntry } from './archive-files';
import { writeFileDurably } from './durable-file';
import type { FsOps } from './fs-ops';
import type { ArchiveChanges } from './history';
import { serialize } from './serialize';
import { ARCHIVED } from './settled';

export class SplitFiles {
  private manifest = new Map<number, ManifestEntry>();

  constructor(
    readonly file: string,
    private readonly ops: FsOps,
  ) {}

  get dir(): string {
    return join(this.file, '..');
  }

  /** Carries on from the live file's manifest, as loaded. */
  adopt(manifest: readonly ManifestEntry[]): void {
    this.manifest = new Map(manifest.map((e) => [e.year, e]));
  }

  /** The archives the live file lists now, oldest year first. */
  entries(): ManifestEntry[] {
    return [...this.manifest.values()].sort((a, b) => a.year - b.year);
  }

  /** Notes the real hash of archives read whole and valid with other bytes than recorded (reformatted by hand): the
   * next write of the live file records it, so later reads skip the full check again. */
  rehash(checked: readonly ManifestEntry[]): void {
    for (const entry of checked) if (this.manifest.get(entry.year)?.file === entry.file) this.manifest.set(entry.year, entry);
  }

  /** Drops a year from the manifest: its file was unusable and was moved aside (the next write of the live file
   * stops naming it). */
  forget(year: number): void {
    this.manifest.delete(year);
  }

  /** Writes the live document `doc`, after the archive years `changes` replaces (see the file comment), noting in the
   * live file the last journal change it holds (journal.ts). Nothing is remembered unless the live file was
   * replaced. Returns the SHA-256 of the live file's bytes. */
  async write(doc: StoreDocument, journal: { base: string; seq: number } | null, changes: ArchiveChanges = new Map()): Promise<string> {
    const manifest = new Map(this.manifest);
    const superseded: string[] = [];
    for (const [year, records] of [...changes].sort(([a], [b]) => a - b)) {
      const old = manifest.get(year);
      if (ARCHIVED.every((c) => records[c].length === 0)) {
        manifest.delete(year);
      } else {
        const { bytes, entry } = encodeArchive(year, records);
        if (entry.file !== old?.file) await writeFileDurably(join(this.dir, entry.file), bytes, this.ops);
        manifest.set(year, entry);
      }
      if (old && old.file !== manifest.get(year)?.file) superseded.push(old.file);
    }
    const archives = [...manifest.values()].sort((a, b) => a.year - b.year);
    // With no archive (and no journal), the live file is the whole document, exactly as a single-file store wrote it.
    const split = archives.length > 0 ? { ...doc, archives } : doc;
    const bytes = serialize(journal ? { ...split, journal } : split);
    await writeFileDurably(this.file, bytes, this.ops);
    this.manifest = manifest; // committed
    await Promise.all(superseded.map((name) => this.ops.unlink(join(this.dir, name)).catch(() => {})));
    return sha256Of(bytes);
  }
}
