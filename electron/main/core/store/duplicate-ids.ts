// Runs in the main process and the preview host (Node). Two records under one id make every lookup ambiguous: the
// app would show one and silently ignore the other. A record repeated byte for byte (a merge or sync slip) carries
// nothing extra, so the copies are collapsed without loss; two DIFFERENT records under one id cannot be resolved
// without guessing, so such a file counts as damaged (it is kept untouched in quarantine and a backup is loaded).
import type { StoreDocument } from '../../../../shared/domain';

export type Deduplicated = { kind: 'ok'; doc: StoreDocument; collapsed: number } | { kind: 'conflict'; reason: string };

/** The collections whose records are found by a key, and that key. */
export const KEYED = [
  ['threads', 'id'],
  ['meetings', 'id'],
  ['nextSteps', 'id'],
  ['drafts', 'meetingId'],
] as const satisfies ReadonlyArray<readonly [keyof StoreDocument, string]>;

export function deduplicate(doc: StoreDocument): Deduplicated {
  const out: Record<string, unknown> = { ...doc };
  let collapsed = 0;
  for (const [collection, key] of KEYED) {
    // Records are serialised only when their id was seen before: a file without repeats costs one Map per collection.
    const seen = new Map<string, { record: unknown; json?: string }>();
    const kept: unknown[] = [];
    for (const record of doc[collection] as ReadonlyArray<Record<string, unknown>>) {
      const id = String(record[key]);
      const earlier = seen.get(id);
      if (earlier === undefined) {
        seen.set(id, { record });
        kept.push(record);
      } else if ((earlier.json ??= JSON.stringify(earlier.record)) === JSON.stringify(record)) {
        collapsed += 1;
      } else {
        return { kind: 'conflict', reason: `two different ${collection} share the ${key} "${id}"` };
      }
    }
    out[collection] = kept;
  }
  // Same shape as `doc`, minus exact repeats.
  return { kind: 'ok', doc: out as StoreDocument, collapsed };
}
