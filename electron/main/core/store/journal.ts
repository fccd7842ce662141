// Runs in the main process and the preview host (Node). The journal: every change since the live file was last
// written whole, one line per change, appended and fdatasync'ed before the change is acknowledged. Rewriting the
// live file (temp file, fsync, rename, fsync folder) costs what the file weighs — a megabyte after years of open
// deals — whereas a line costs what the change weighs, so logging a step stays as cheap in year ten as on day one.
// The live file is written whole again now and then (see durable-json-adapter.ts), and then the journal is emptied.
//
// A line is `<16 hex of its SHA-256> <JSON>\n`. The JSON names the change's sequence number and the live file it
// continues, and per keyed collection the records set (whole) and the ids removed, plus other top-level fields
// replaced whole. Each whole write of the live file gets a new random `base`, recorded in it with the last sequence
// number it holds (`journal: { base, seq }`), so lines it already holds — a crash between writing it and emptying the
// journal — are skipped, and lines that continue another copy of the file (one put back by hand) are never applied.
// Replay stops at the first line that is not whole: only the last line can be torn by a crash (it was never
// acknowledged), and anything after a damaged line is reported, not guessed.
import { createHash, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { StoreDocument } from '../../../../shared/domain';
import { KEYED } from './duplicate-ids';
import { errorCode, type FsOps, type OpenFile } from './fs-ops';
import type { RawDocument } from './migrations';

type Keyed = (typeof KEYED)[number][0];
type Item = Readonly<Record<string, unknown>>;
const KEY_OF = new Map<string, string>(KEYED);

/** What one change did, relative to the document before it. */
export interface Delta {
  /** Records added or changed, whole, per collection: a known key is replaced where it stands, a new one appended. */
  set?: Partial<Record<Keyed, Item[]>>;
  /** Keys removed, per collection. */
  del?: Partial<Record<Keyed, string[]>>;
  /** Other top-level fields, replaced whole (a field that went away is listed in `drop`). */
  put?: Record<string, unknown>;
  drop?: string[];
}

export interface Entry extends Delta {
  seq: number;
  /** The whole write of the live file this change follows (see `JournalMark`). */
  base: string;
  /** Set on the journal's first line only, a checkpoint: the SHA-256 of the live file it follows. */
  check?: string;
}

/** The live file's SHA-256 as the journal's checkpoint recorded it, when it names this very write of the file. Bytes
 * hashing to it are byte for byte what the store validated and wrote, so they need no second check at open (as an
 * archive's bytes matching its manifest). */
export const checkpointFor = (journal: ReadJournal, live: JournalMark): string | null =>
  journal.entries.find((e) => e.check !== undefined && e.base === live.base && e.seq === live.seq)?.check ?? null;

/** What the live file records about the journal: the whole write it is (`base`) and the last change it holds. */
export interface JournalMark {
  base: string | null;
  seq: number;
}

export const newBase = (): string => randomBytes(6).toString('hex');

/** The change from `before` to `after` as a delta whose replay (see `replay`) gives `after` back exactly, or null
 * when nothing changed. Unchanged fields and records are skipped by reference (the store's documents share them). */
export function deltaBetween(before: StoreDocument, after: StoreDocument): Delta | null {
  const delta: Required<Delta> = { set: {}, del: {}, put: {}, drop: [] };
  let changed = false;
  const b = before as unknown as Record<string, unknown>;
  const a = after as unknown as Record<string, unknown>;
  for (const key of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (b[key] === a[key]) continue;
    changed = true;
    const idKey = KEY_OF.get(key);
    const walked = idKey && Array.isArray(b[key]) && Array.isArray(a[key]) ? walk(b[key] as Item[], a[key] as Item[], idKey) : null;
    if (walked) {
      if (walked.set.length) delta.set[key as Keyed] = walked.set;
      if (walked.del.length) delta.del[key as Keyed] = walked.del;
    } else if (a[key] === undefined) {
      delta.drop.push(key);
    } else {
      delta.put[key] = a[key];
    }
  }
  if (!changed) return null;
  const out: Delta = {};
  if (Object.keys(delta.set).length) out.set = delta.set;
  if (Object.keys(delta.del).length) out.del = delta.del;
  if (Object.keys(delta.put).length) out.put = delta.put;
  if (delta.drop.length) out.drop = delta.drop;
  return out;
}

/** One pass over both arrays, by reference: a record replaced where it stood (same key) is set, one that is not
 * where it was is removed, what is left at the end of `after` is set (appended). A record moved forward shows as
 * removed and appended, which replays to the same order. Returns null when a key is set twice. */
function walk(before: readonly Item[], after: readonly Item[], key: string): { set: Item[]; del: string[] } | null {
  const set: Item[] = [];
  const del: string[] = [];
  let i = 0;
  let j = 0;
  while (i < before.length && j < after.length) {
    const x = before[i]!;
    const y = after[j]!;
    if (x === y) {
      i++;
      j++;
    } else if (x[key] === y[key]) {
      set.push(y);
      i++;
      j++;
    } else {
      del.push(String(x[key]));
      i++;
    }
  }
  for (; i < before.length; i++) del.push(String(before[i]![key]));
  for (; j < after.length; j++) set.push(after[j]!);
  // With unique keys on both sides (the store's rule; an exact repeat is collapsed at the next open anyway), replay
  // gives `after` back: kept records keep their order, a replaced one its slot, the rest of `after` is appended.
  // A key set twice could not be replayed so: journal the whole collection instead.
  if (new Set(set.map((r) => r[key])).size !== set.length) return null;
  return { set, del };
}

/** Applies journal entries to a parsed live file, in place, in order (one index per collection for all of them). */
export function replay(raw: RawDocument, entries: readonly Entry[]): void {
  const indexes = new Map<string, { items: unknown[]; at: Map<string, number> }>();
  const indexOf = (collection: string) => {
    let index = indexes.get(collection);
    if (!index) {
      const items = Array.isArray(raw[collection]) ? [...(raw[collection] as unknown[])] : [];
      const key = KEY_OF.get(collection)!;
      const at = new Map<string, number>();
      items.forEach((item, n) => at.set(String((item as Item)?.[key]), n));
      indexes.set(collection, (index = { items, at }));
    }
    return index;
  };
  for (const entry of entries) {
    for (const [collection, keys] of Object.entries(entry.del ?? {})) {
      const index = indexOf(collection);
      for (const id of keys ?? []) {
        const n = index.at.get(id);
        if (n === undefined) continue;
        index.items[n] = HOLE;
        index.at.delete(id);
      }
    }
    for (const [collection, records] of Object.entries(entry.set ?? {})) {
      const index = indexOf(collection);
      const key = KEY_OF.get(collection)!;
      for (const record of records ?? []) {
        const id = String(record[key]);
        const n = index.at.get(id);
        if (n !== undefined) index.items[n] = record;
        else index.at.set(id, index.items.push(record) - 1);
      }
    }
    for (const [field, value] of Object.entries(entry.put ?? {})) {
      raw[field] = value;
      indexes.delete(field); // a collection replaced whole starts a fresh index
    }
    for (const field of entry.drop ?? []) {
      delete raw[field];
      indexes.delete(field);
    }
  }
  for (const [collection, index] of indexes) raw[collection] = index.items.filter((item) => item !== HOLE);
}

const HOLE = Symbol('removed');

const checksum = (json: string) => createHash('sha256').update(json).digest('hex').slice(0, 16);

export const encodeEntry = (entry: Entry): Buffer => {
  const json = JSON.stringify(entry);
  return Buffer.from(`${checksum(json)} ${json}\n`);
};

export interface ReadJournal {
  /** Its lines up to the first that is not whole, consecutive. */
  entries: Entry[];
  /** Why reading stopped before the end (a torn last line does not count: it was never acknowledged). */
  damaged: string | null;
}

/** Reads the journal next to the live file: its whole, consecutive lines. A missing journal is an empty one. Other
 * read errors throw: a journal that could not be read is not known to be empty. */
export async function readJournal(path: string): Promise<ReadJournal> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return { entries: [], damaged: null };
    throw error;
  }
  return parseJournal(text);
}

/** The journal's text as entries (see `readJournal`). */
export function parseJournal(text: string): ReadJournal {
  // Every line but the last ends in a newline, so it was written whole. The last is empty, or the torn start of a
  // write that was never acknowledged (a crash mid-append): it is left out.
  const lines = text.split('\n').slice(0, -1);
  const entries: Entry[] = [];
  for (const [n, line] of lines.entries()) {
    const entry = decodeLine(line);
    if (!entry) return { entries, damaged: `line ${n + 1} of the journal is damaged` };
    const previous = entries.at(-1);
    if (previous && entry.seq !== previous.seq + 1) return { entries, damaged: `change ${previous.seq + 1} is missing from the journal` };
    entries.push(entry);
  }
  return { entries, damaged: null };
}

/** Why a journal is not applied when its lines continue another copy of the live file (one put back by hand). */
export const FOREIGN_JOURNAL = 'the journal continues another copy of the data file';

/** The entries of `journal` that continue the live file marked `live` and that it does not hold yet, or why the
 * journal cannot be used with it. */
export function entriesAfter(journal: ReadJournal, live: JournalMark): { entries: Entry[]; seq: number; damaged: string | null } {
  const later = journal.entries.filter((e) => e.seq > live.seq);
  if (later.some((e) => e.base !== live.base)) {
    return { entries: [], seq: live.seq, damaged: FOREIGN_JOURNAL };
  }
  if (later.length > 0 && later[0]!.seq !== live.seq + 1) {
    return { entries: [], seq: live.seq, damaged: `changes ${live.seq + 1} to ${later[0]!.seq - 1} are missing from the journal` };
  }
  return { entries: later, seq: later.at(-1)?.seq ?? live.seq, damaged: journal.damaged };
}

function decodeLine(line: string): Entry | null {
  const space = line.indexOf(' ');
  if (space !== 16) return null;
  const json = line.slice(17);
  if (checksum(json) !== line.slice(0, 16)) return null;
  try {
    const entry = JSON.parse(json) as Entry;
    return Number.isInteger(entry?.seq) ? entry : null;
  } catch {
    return null;
  }
}

/** The open journal the store appends to. */
export class Journal {
  private file: OpenFile | null = null;
  private bytes = 0;
  /** Set when an append failed: the file may end in a torn line, so nothing more is appended until it is emptied. */
  private broken = false;

  constructor(
    readonly path: string,
    private readonly ops: FsOps,
    /** The last sequence number on disk (live file and journal together). */
    public seq: number,
    /** The whole write of the live file that appended lines continue. */
    public base: string | null = null,
  ) {}

  /** True when the next change should rewrite the live file instead: the journal is long, or an append failed. */
  get wantsWholeWrite(): boolean {
    return this.broken || this.bytes >= JOURNAL_MAX_BYTES;
  }

  get isEmpty(): boolean {
    return this.bytes === 0 && !this.broken;
  }

  /** Appends one change and makes it durable (fdatasync) before resolving. */
  async append(delta: Delta): Promise<void> {
    if (this.base === null) throw new Error('The journal has no live file to continue');
    const line = encodeEntry({ seq: this.seq + 1, base: this.base, ...delta });
    try {
      const file = (this.file ??= await this.ops.openAppend(this.path));
      await this.ops.write(file, line);
      await this.ops.datasync(file);
    } catch (error) {
      this.broken = true;
      throw error;
    }
    this.seq += 1;
    this.bytes += line.byteLength;
  }

  /** The live file now holds everything up to `seq`: empty the journal. Should that fail, its lines are skipped at
   * the next open anyway (none is after the live file's `journalSeq`). */
  async emptied(liveSha256: string): Promise<void> {
    try {
      const file = (this.file ??= await this.ops.openAppend(this.path));
      await this.ops.truncate(file);
      // The first line vouches for the live file just written: its hash (see `checkpointFor`).
      await this.ops.write(file, encodeEntry({ seq: this.seq, base: this.base!, check: liveSha256 }));
      await this.ops.datasync(file);
      this.bytes = 0;
      this.broken = false;
    } catch {
      // Never append after lines that may end torn: the next change writes the live file whole and tries again.
      this.broken = true;
      await this.close();
    }
  }

  async close(): Promise<void> {
    const file = this.file;
    this.file = null;
    if (file) await this.ops.close(file).catch(() => {});
  }
}

/** Past this the live file is rewritten whole at the next change: replaying a megabyte at open takes milliseconds. */
export const JOURNAL_MAX_BYTES = 1_000_000;
