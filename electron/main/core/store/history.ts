// Runs in the main process and the preview host (Node). The settled history as it is held once read: the records of
// each archive year (see archive-files.ts), frozen and kept apart from the live document that every change is made
// on — so a change costs the same after ten years as after one, and an open reads only the live file. The review, the
// export and the backups ask for the whole document (`merge`). Each method returns a new History and the archive
// years a write must put on disk for it: this holds what is on disk, never more.
import type { StoreDocument } from '../../../../shared/domain';
import type { ArchiveRecords } from './archive-files';
import { ARCHIVED, referencesOf, type ArchivedCollection, type Ref } from './settled';

type AnyRecord = { readonly id: string };
type Records = Record<ArchivedCollection, readonly AnyRecord[]>;
/** The archive years a write must replace, with their whole new content (an empty one is dropped). */
export type ArchiveChanges = Map<number, ArchiveRecords>;

const noRecords = (): Records => ({ threads: [], meetings: [], nextSteps: [] });

export class History {
  /** Where each id is filed: built when first asked (a compaction, a record taken back), not in the read after open,
   * which must not hold the main process for long. */
  private index: Map<ArchivedCollection, Map<string, number>> | null = null;
  private flat: Records | null = null;

  constructor(readonly years: ReadonlyMap<number, ArchiveRecords> = new Map()) {}

  /** How many records the history holds. */
  get size(): number {
    let n = 0;
    for (const records of this.years.values()) for (const c of ARCHIVED) n += records[c].length;
    return n;
  }

  /** The archive year `id` is filed under, if it is archived. */
  yearOf(collection: ArchivedCollection, id: string): number | undefined {
    if (!this.index) {
      this.index = new Map(ARCHIVED.map((c) => [c, new Map()]));
      for (const [year, records] of this.years) for (const c of ARCHIVED) for (const r of records[c]) this.index.get(c)!.set(r.id, year);
    }
    return this.index.get(collection)!.get(id);
  }

  /** Every archived record, per collection, oldest year first. */
  records(): ArchiveRecords {
    if (!this.flat) {
      const sorted = [...this.years].sort(([a], [b]) => a - b).map(([, records]) => records as Records);
      this.flat = noRecords();
      for (const c of ARCHIVED) this.flat[c] = sorted.flatMap((records) => records[c]);
    }
    return this.flat as unknown as ArchiveRecords;
  }

  /** The whole document: the history before the live records. An id in both (never after a clean write, but a file
   * edited by hand can do it) is the live one. */
  merge(live: StoreDocument): StoreDocument {
    if (this.size === 0) return live;
    const all = this.records() as unknown as Records;
    const whole: Record<string, unknown> = { ...live };
    for (const c of ARCHIVED) {
      const liveIds = new Set(live[c].map((r) => r.id));
      const archived = liveIds.size === 0 ? all[c] : all[c].filter((r) => !liveIds.has(r.id));
      whole[c] = [...archived, ...live[c]];
    }
    return whole as StoreDocument;
  }

  /** Files `moving` (records of `live`, with their years) into the history. */
  filing(live: StoreDocument, moving: ReadonlyMap<ArchivedCollection, ReadonlyMap<string, number>>): { changes: ArchiveChanges; next: History } {
    const touched = new Set<number>();
    const arriving = new Map<number, Records>();
    for (const c of ARCHIVED) {
      const ids = moving.get(c)!;
      if (ids.size === 0) continue;
      for (const record of live[c]) {
        const year = ids.get(record.id);
        if (year === undefined) continue;
        touched.add(year);
        const old = this.yearOf(c, record.id);
        if (old !== undefined) touched.add(old); // an older copy of it leaves its year
        let into = arriving.get(year);
        if (!into) arriving.set(year, (into = noRecords()));
        (into[c] as AnyRecord[]).push(record);
      }
    }
    const changes: ArchiveChanges = new Map();
    for (const year of touched) {
      const kept = this.without(year, (c, id) => moving.get(c)!.has(id));
      const added = arriving.get(year) ?? noRecords();
      changes.set(year, Object.fromEntries(ARCHIVED.map((c) => [c, [...kept[c], ...added[c]]])) as unknown as ArchiveRecords);
    }
    return { changes, next: this.with(changes) };
  }

  /** Takes `ref` back out of the history, with every archived record it refers to (and they to…): what a live record
   * refers to must be live. Null when `ref` is not archived. */
  taking(ref: Ref): { records: Records; changes: ArchiveChanges; next: History } | null {
    if (this.yearOf(...ref) === undefined) return null;
    const taken = new Map<ArchivedCollection, Set<string>>(ARCHIVED.map((c) => [c, new Set()]));
    const records = noRecords();
    const queue: Ref[] = [ref];
    while (queue.length > 0) {
      const [c, id] = queue.pop()!;
      const year = this.yearOf(c, id);
      if (year === undefined || taken.get(c)!.has(id)) continue;
      taken.get(c)!.add(id);
      const record = this.years.get(year)![c].find((r) => r.id === id)!;
      (records[c] as AnyRecord[]).push(record);
      queue.push(...referencesOf(c, record as never));
    }
    const changes: ArchiveChanges = new Map();
    for (const c of ARCHIVED) {
      for (const id of taken.get(c)!) {
        const year = this.yearOf(c, id)!;
        if (!changes.has(year)) changes.set(year, this.without(year, (c2, id2) => taken.get(c2)!.has(id2)) as unknown as ArchiveRecords);
      }
    }
    return { records, changes, next: this.with(changes) };
  }

  /** The archived records that records of `live` (or its wrap-up drafts) refer to. None once this store compacted
   * the folder (settled.ts keeps them live); an older version's compaction did not look at references. */
  referencedBy(live: StoreDocument): Ref[] {
    if (this.size === 0) return [];
    const refs: Ref[] = live.drafts.map((d) => ['meetings', d.meetingId] as const);
    for (const c of ARCHIVED) for (const record of live[c]) refs.push(...referencesOf(c, record as never));
    return refs.filter(([c, id]) => this.yearOf(c, id) !== undefined);
  }

  /** Every year emptied: what a restore writes, since the document it restores is whole. */
  dropping(): ArchiveChanges {
    return new Map([...this.years.keys()].map((year) => [year, noRecords() as unknown as ArchiveRecords]));
  }

  private without(year: number, leaving: (c: ArchivedCollection, id: string) => boolean): Records {
    const records = this.years.get(year) as Records | undefined;
    const out = noRecords();
    if (records) for (const c of ARCHIVED) out[c] = records[c].filter((r) => !leaving(c, r.id));
    return out;
  }

  private with(changes: ArchiveChanges): History {
    const years = new Map(this.years);
    for (const [year, records] of changes) {
      if (ARCHIVED.every((c) => records[c].length === 0)) years.delete(year);
      else years.set(year, records);
    }
    return new History(years);
  }
}
