// Runs in the main process and the preview host (Node). The checks a store update must pass before it is kept —
// the same verdicts as validating the whole document with zod and `deduplicate`, at the cost of what changed only.
// An update is built with immer, so every record it did not touch is the very same (frozen) object as before: one
// reference comparison per slot finds what changed. Changed and added records are validated with their own schema
// (and replaced by zod's output, as a full parse would), other top-level fields are validated whole when their
// reference changed, and ids are checked against an index of the last accepted document, kept up to date
// incrementally. Nothing here mutates anything until `commit`: a refused update leaves the index as it was.
import { freeze } from 'immer';
import { z } from 'zod';
import { StoreDocument } from '../../../../shared/domain';
import { freezeDocument } from './drafts';
import { KEYED } from './duplicate-ids';

type Keyed = (typeof KEYED)[number][0];
type Item = Readonly<Record<string, unknown>>;

/** One key of a collection as the index knows it: how many records carry it, and one of them (all are equal). */
interface Entry {
  count: number;
  record: Item | null;
  /** The record's JSON, computed the first time another record with the same key must be compared to it. */
  json?: string;
}

export type Verdict = { ok: true; doc: StoreDocument; commit: () => void } | { ok: false; reason: string };

const FIELDS = StoreDocument.shape;
const KEY_OF = new Map<string, string>(KEYED);
const elementSchema = (collection: Keyed): z.ZodType => {
  const field = FIELDS[collection] as z.ZodType;
  const inner = field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : field;
  return (inner as z.ZodArray<z.ZodType>).element;
};
const ELEMENTS = new Map<Keyed, z.ZodType>(KEYED.map(([c]) => [c, elementSchema(c)]));

const invalid = (issue: z.core.$ZodIssue | undefined, prefix: (string | number)[]): { ok: false; reason: string } => ({
  ok: false,
  reason: `Refusing to save an invalid document: ${issue?.message} (at ${[...prefix, ...(issue?.path ?? [])].map(String).join('.') || '(root)'})`,
});

export class TouchedCheck {
  /** The document the index describes; rebuilt from scratch whenever an update starts from another one. */
  private base: StoreDocument | null = null;
  private index = new Map<Keyed, Map<string, Entry>>();

  check(before: StoreDocument, after: unknown): Verdict {
    if (before !== this.base) this.rebuild(before);
    if (after === before) return { ok: true, doc: before, commit: () => {} };
    if (typeof after !== 'object' || after === null || Array.isArray(after)) {
      return invalid(StoreDocument.safeParse(after).error?.issues[0], []);
    }
    const draft = after as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    const pending = new Map<Keyed, Map<string, Entry>>();
    for (const key of Object.keys(FIELDS) as (keyof StoreDocument)[]) {
      const value = draft[key];
      if (value === before[key]) {
        if (value !== undefined) out[key] = value;
        continue;
      }
      const collection = KEY_OF.has(key) ? (key as Keyed) : null;
      if (collection && Array.isArray(value)) {
        const checked = this.checkCollection(collection, before[collection] as Item[], value as unknown[], pending);
        if (!checked.ok) return checked;
        out[key] = checked.items; // every record in it is frozen (an old one, or checked just now); see freezeDocument
        continue;
      }
      const parsed = (FIELDS[key] as z.ZodType).safeParse(value);
      if (!parsed.success) return invalid(parsed.error.issues[0], [key]);
      if (parsed.data !== undefined) out[key] = Array.isArray(parsed.data) ? freezeDocument({ items: parsed.data }).items : freeze(parsed.data, true);
      if (collection) {
        // Not an array (a default filled in, or refused above): a wholesale replacement of the collection.
        const checked = this.checkCollection(collection, before[collection] as Item[], parsed.data as unknown[], pending, true);
        if (!checked.ok) return checked;
        out[key] = checked.items;
      }
    }
    // Shallow: each field is frozen already (kept from `before`, or frozen above).
    const doc = Object.freeze(out) as StoreDocument;
    return {
      ok: true,
      doc,
      commit: () => {
        for (const [collection, changes] of pending) {
          const index = this.index.get(collection)!;
          for (const [id, entry] of changes) {
            if (entry.count > 0) index.set(id, entry);
            else index.delete(id);
          }
        }
        this.base = doc;
      },
    };
  }

  private checkCollection(
    collection: Keyed,
    before: readonly Item[],
    after: readonly unknown[],
    pending: Map<Keyed, Map<string, Entry>>,
    alreadyParsed = false,
  ): { ok: true; items: readonly unknown[] } | { ok: false; reason: string } {
    // The slots whose reference differs, counted per record: a record only moved nets to zero and is left alone; a
    // record added twice (or removed twice) counts twice, so the index keeps how many records carry each key.
    const delta = new Map<unknown, { net: number; wasThere: boolean; slots: number[] }>();
    const deltaOf = (record: unknown) => {
      let d = delta.get(record);
      if (!d) delta.set(record, (d = { net: 0, wasThere: false, slots: [] }));
      return d;
    };
    for (let i = 0; i < Math.max(before.length, after.length); i++) {
      if (before[i] === after[i]) continue;
      if (i < before.length) {
        const d = deltaOf(before[i]);
        d.net -= 1;
        d.wasThere = true;
      }
      if (i < after.length) {
        const d = deltaOf(after[i]);
        d.net += 1;
        d.slots.push(i);
      }
    }
    if (delta.size === 0) return { ok: true, items: after };
    const key = KEY_OF.get(collection)!;
    const schema = ELEMENTS.get(collection)!;
    const changes = pending.get(collection) ?? new Map<string, Entry>();
    pending.set(collection, changes);
    const index = this.index.get(collection)!;
    const entryFor = (id: string): Entry => {
      let entry = changes.get(id);
      if (!entry) {
        const known = index.get(id);
        entry = known ? { ...known } : { count: 0, record: null };
        changes.set(id, entry);
      }
      return entry;
    };
    // Removals first, so a record replaced by a changed version of itself (same id) is not taken for a clash.
    for (const [record, d] of delta) {
      if (d.net < 0) entryFor(String((record as Item)[key])).count += d.net;
    }
    let items: unknown[] | null = null;
    for (const [raw, d] of delta) {
      if (d.net <= 0) continue;
      let record = raw as Item;
      // A record of the last accepted document (moved and repeated) is valid already; anything else is checked.
      if (!d.wasThere && !alreadyParsed) {
        const parsed = schema.safeParse(raw);
        if (!parsed.success) return invalid(parsed.error.issues[0], [collection, d.slots[0]!]);
        record = freeze(parsed.data as Item, true);
        items ??= after.slice();
        for (const i of d.slots) items[i] = record;
      }
      const id = String(record[key]);
      const entry = entryFor(id);
      if (entry.count > 0 && entry.record) {
        entry.json ??= JSON.stringify(entry.record);
        if (entry.json !== JSON.stringify(record)) {
          return { ok: false, reason: `Refusing to save an ambiguous document: two different ${collection} share the ${key} "${id}"` };
        }
      } else {
        entry.record = record;
        entry.json = undefined;
      }
      entry.count += d.net;
    }
    return { ok: true, items: items ?? after };
  }

  private rebuild(doc: StoreDocument): void {
    this.base = doc;
    this.index = new Map();
    for (const [collection, key] of KEYED) {
      const entries = new Map<string, Entry>();
      for (const record of doc[collection] as readonly Item[]) {
        const id = String(record[key]);
        const entry = entries.get(id);
        if (entry) entry.count += 1;
        else entries.set(id, { count: 1, record });
      }
      this.index.set(collection, entries);
    }
  }
}
