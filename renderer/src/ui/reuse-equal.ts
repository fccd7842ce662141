// Runs in the renderer. Structural sharing for views that arrive whole with every change: the new value, except that
// every part equal to the same part of the old value is the old object itself. Memoised components then re-render
// only where something changed (a ticked agenda item re-renders the agenda, not the purpose or the header).
// Views are JSON (they cross IPC and HTTP), so plain objects and arrays are all there is to compare.

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function reuseEqual<T>(previous: unknown, next: T): T {
  if (Object.is(previous, next)) return next;
  if (Array.isArray(previous) && Array.isArray(next)) {
    let same = previous.length === next.length;
    const merged = next.map((item: unknown, i) => {
      const kept = i < previous.length ? reuseEqual(previous[i], item) : item;
      if (kept !== previous[i]) same = false;
      return kept;
    });
    return (same ? previous : merged) as T;
  }
  if (isPlainObject(previous) && isPlainObject(next)) {
    const keys = Object.keys(next);
    let same = keys.length === Object.keys(previous).length;
    const merged: Record<string, unknown> = {};
    for (const key of keys) {
      const kept = Object.hasOwn(previous, key) ? reuseEqual(previous[key], next[key]) : next[key];
      if (kept !== previous[key] || !Object.hasOwn(previous, key)) same = false;
      merged[key] = kept;
    }
    return (same ? previous : merged) as T;
  }
  return next;
}
