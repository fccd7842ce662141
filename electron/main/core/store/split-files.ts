// Runs in the main process and the preview host (Node). Where each record of the document lives on disk: the live
// file (small: everything that may still change) or the archive file of one year (settled history, see settled.ts).
// In memory the document stays whole; this class splits it at each write and remembers the placement.
//
// A write puts new archive versions first (a new name each time, never over an existing file), then replaces the
// live file — the single commit point: its manifest names the archive versions that belong to it — then removes the
// versions it superseded. A crash before the live file is replaced leaves an unreferenced archive version that the
// next open ignores and removes; a crash after leaves superseded versions that are removed the same way. So a move
// of records into an archive (compaction), a change to an archived record and a restore are all atomic.
//
// Which archive a write must rewrite is found without walking records by content: the store's records are frozen
// and shared between versions (immer), so a record object seen at the last write keeps its placement, and only a
// new object under an archived id (an edited old record) or a changed count per year makes that year's file dirty.
import { join } from 'node:path';
import type { StoreDocument } from '../../../../shared/domain';
import { encodeArchive, sha256Of, type ArchiveRecords, type ManifestEntry } from './archive-files';
import { writeFileDurably } from './durable-file';
import type { FsOps } from './fs-ops';
import { serialize } from './serialize';
import { ARCHIVED, owedMeetings, settledYear, type ArchivedCollection } from './settled';

type Item = { readonly id: string };
/** Year of an archived record; 0 for the live file. */
type Placement = Map<ArchivedCollection, Map<string, number>>;

/** What a load found on disk, to carry on from. */
export interface SplitState {
  manifest: readonly ManifestEntry[];
  /** Archived ids and their year, per collection. */
  placement: Placement;
}

export const emptyPlacement = (): Placement => new Map(ARCHIVED.map((c) => [c, new Map<string, number>()]));

interface Partition {
  live: Record<ArchivedCollection, Item[]>;
  years: Record<ArchivedCollection, Int32Array>;
  /** The slots whose record was not in the same slot at the last write: only their placement needs remembering. */
  fresh: Record<ArchivedCollection, number[]>;
  dirty: Set<number>;
}

export class SplitFiles {
  private manifest = new Map<number, ManifestEntry>();
  private placement: Placement = emptyPlacement();
  /** The year each record object was filed under at the last write (records are frozen: the object is its content). */
  private filed = new WeakMap<object, number>();
  /** The arrays of the last write and their years, slot by slot: an appended record leaves every other slot alike. */
  private last = new Map<ArchivedCollection, { items: readonly Item[]; years: Int32Array }>();

  constructor(
    readonly file: string,
    private readonly ops: FsOps,
  ) {}

  private get dir(): string {
    return join(this.file, '..');
  }

  /** Carries on from a loaded folder; `doc` is the merged document that was loaded. */
  adopt(state: SplitState, doc: StoreDocument): void {
    this.manifest = new Map(state.manifest.map((e) => [e.year, e]));
    this.placement = state.placement;
    this.filed = new WeakMap();
    this.last = new Map();
    for (const c of ARCHIVED) {
      const ids = this.placement.get(c)!;
      const items = doc[c] as readonly Item[];
      const years = new Int32Array(items.length);
      items.forEach((item, i) => {
        years[i] = ids.get(item.id) ?? 0;
        this.filed.set(item, years[i]!);
      });
      this.last.set(c, { items, years });
    }
  }

  /** The archive files the live file refers to now. */
  files(): string[] {
    return [...this.manifest.values()].map((e) => join(this.dir, e.file));
  }

  /** True when any of these keys belongs to an archived record: a change to it must rewrite that year's file. */
  holdsArchived(collection: string, ids: readonly string[]): boolean {
    const archived = this.placement.get(collection as ArchivedCollection);
    return archived !== undefined && archived.size > 0 && ids.some((id) => archived.has(id));
  }

  /** Writes `doc` (see the file comment), noting in the live file the last journal change it holds (journal.ts).
   * Nothing is remembered unless the live file was replaced. Returns the SHA-256 of the live file's bytes. */
  async write(doc: StoreDocument, journal: { base: string; seq: number } | null = null, moves: Placement = emptyPlacement()): Promise<string> {
    const part = this.partition(doc, moves);
    const manifest = new Map(this.manifest);
    const superseded: string[] = [];
    for (const year of [...part.dirty].sort((a, b) => a - b)) {
      const records = this.recordsOf(doc, part, year);
      const old = manifest.get(year);
      const empty = ARCHIVED.every((c) => records[c].length === 0);
      if (empty) {
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
    const split = archives.length > 0 ? { ...doc, ...part.live, archives } : doc;
    const live = journal ? { ...split, journal } : split;
    const bytes = serialize(live);
    await writeFileDurably(this.file, bytes, this.ops);
    // Committed: remember what is on disk now.
    this.manifest = manifest;
    for (const c of ARCHIVED) {
      const ids = this.placement.get(c)!;
      for (const [id, year] of moves.get(c)!) ids.set(id, year);
      const items = doc[c] as readonly Item[];
      const years = part.years[c];
      for (const i of part.fresh[c]) this.filed.set(items[i]!, years[i]!);
      this.last.set(c, { items, years });
    }
    await Promise.all(superseded.map((name) => this.ops.unlink(join(this.dir, name)).catch(() => {})));
    return sha256Of(bytes);
  }

  /** Moves the records that have become settled history into their year's archive, then writes. Returns how many
   * moved (0: nothing was written). `doc` itself is not changed. */
  async compact(doc: StoreDocument, now: number, journal: { base: string; seq: number } | null = null): Promise<{ moved: number; sha256?: string }> {
    const moves = emptyPlacement();
    const settledMeetings = new Set<string>(this.placement.get('meetings')!.keys());
    const ctx = { owed: owedMeetings(doc), settledMeetings };
    let moved = 0;
    // Meetings first: whether an open step is settled depends on the meeting it booked.
    for (const c of ['meetings', 'nextSteps', 'threads'] as const) {
      const ids = this.placement.get(c)!;
      for (const record of doc[c]) {
        if (ids.has(record.id)) continue;
        const year = settledYear(c, record, now, ctx);
        if (year === null) continue;
        moves.get(c)!.set(record.id, year);
        if (c === 'meetings') settledMeetings.add(record.id);
        moved += 1;
      }
    }
    if (moved === 0) return { moved };
    return { moved, sha256: await this.write(doc, journal, moves) };
  }

  private partition(doc: StoreDocument, moves: Placement): Partition {
    const live = {} as Record<ArchivedCollection, Item[]>;
    const years = {} as Record<ArchivedCollection, Int32Array>;
    const fresh = {} as Record<ArchivedCollection, number[]>;
    const dirty = new Set<number>();
    const counts = new Map<number, Record<ArchivedCollection, number>>();
    for (const c of ARCHIVED) {
      const ids = this.placement.get(c)!;
      const moving = moves.get(c)!;
      const items = doc[c] as readonly Item[];
      const last = this.last.get(c);
      const out: Item[] = [];
      const ys = new Int32Array(items.length);
      const changed: number[] = [];
      // Archived records of one year sit together: they are counted in a local and added to the year's count once
      // per run (a keyed update per record was most of this loop's time at ten years of history).
      let runYear = 0;
      let runCount = 0;
      const flush = () => {
        if (runCount === 0) return;
        let n = counts.get(runYear);
        if (!n) counts.set(runYear, (n = { threads: 0, meetings: 0, nextSteps: 0 }));
        n[c] += runCount;
        runCount = 0;
      };
      for (let i = 0; i < items.length; i++) {
        const item = items[i]!;
        let year: number;
        if (moving.size > 0 && moving.has(item.id)) {
          year = moving.get(item.id)!;
          dirty.add(year);
          changed.push(i);
        } else if (last && last.items[i] === item) {
          year = last.years[i]!;
        } else {
          changed.push(i);
          const seen = this.filed.get(item);
          if (seen !== undefined) {
            year = seen;
          } else {
            // A new or edited record: it goes where its id lives, and that file must be rewritten.
            year = ids.get(item.id) ?? 0;
            if (year !== 0) dirty.add(year);
          }
        }
        ys[i] = year;
        if (year === 0) {
          out.push(item);
          continue;
        }
        if (year !== runYear) {
          flush();
          runYear = year;
        }
        runCount += 1;
      }
      flush();
      live[c] = out;
      years[c] = ys;
      fresh[c] = changed;
    }
    // A record removed from an archived year (or repeated in it) shows as a changed count.
    for (const [year, entry] of this.manifest) {
      const n = counts.get(year);
      if (!n || ARCHIVED.some((c) => n[c] !== entry.counts[c])) dirty.add(year);
    }
    for (const year of counts.keys()) if (!this.manifest.has(year)) dirty.add(year);
    return { live, years, fresh, dirty };
  }

  private recordsOf(doc: StoreDocument, part: Partition, year: number): ArchiveRecords {
    const pick = <T>(c: ArchivedCollection): T[] => (doc[c] as unknown as T[]).filter((_, i) => part.years[c][i] === year);
    return { threads: pick('threads'), meetings: pick('meetings'), nextSteps: pick('nextSteps') };
  }
}
