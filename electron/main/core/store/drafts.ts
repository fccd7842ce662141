// Runs in the main process and the preview host (Node). The immer the store builds its updates with, and what makes
// working with its drafts cheap. Every record a draft is touched through becomes a proxy (and is looked at again when
// the update is finalised), so walking a whole collection of the draft would cost as much as the history is long:
// immer's array-methods plugin runs `find`, `filter`, `some`, `every`, `findIndex`… on the plain records and makes a
// proxy only of what they return — a lookup by id in a `mutate` touches one record. (`map`, `forEach` and `for…of`
// over a draft collection still touch every record: use them on `store.data`, or on what `filter` returned.)
import { Immer, current, enableArrayMethods, freeze, isDraft, type Draft } from 'immer';

enableArrayMethods();

/** Every document the store hands out is frozen (see `freezeDocument`): an accidental in-place edit of `store.data` throws instead of
 * silently bypassing validation and the disk, and "the same object" can safely mean "unchanged". The freezing is the
 * touched check's job, not immer's: it already holds each new record (zod's fresh copy, frozen whole) and each new
 * array, whereas immer's auto-freeze walks every slot of every array a change touched — ten years of meetings for
 * one new step. */
export const storeImmer = new Immer({ autoFreeze: false });

/** Freezes a document as the store keeps it: every record (unless `records` is false: the store then freezes them in
 * slices after open) and every other field deeply, the document itself, but not the collection arrays. V8 copies a frozen array several times slower than a plain one (its fast path skips
 * frozen elements), and immer copies each array a change touches — ten years of meetings for one new step. The
 * arrays are the store's own and are never changed in place either: every change makes new ones. */
export function freezeDocument<T extends object>(doc: T, { records = true } = {}): T {
  for (const value of Object.values(doc)) {
    if (!Array.isArray(value)) freeze(value, true);
    else if (records) for (const item of value) freeze(item, true);
  }
  return Object.freeze(doc);
}

/** `value` with every immer draft in it replaced by a plain copy of its current state; plain parts are kept as they
 * are (a frozen record of the store is already plain and is never walked into). The store revokes a draft's proxies
 * once its update is over, so whatever a change returns must be made plain before that. */
export function undraft<T>(value: T): T {
  if (isDraft(value)) return current(value as Draft<T>) as T;
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  if (Array.isArray(value)) {
    const items = value.map(undraft);
    return (items.some((item, i) => item !== value[i]) ? items : value) as T;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  let changed = false;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = undraft(item);
    if (out[key] !== item) changed = true;
  }
  return (changed ? out : value) as T;
}
