// The restore preview's rule: comparing the data now with a document to restore lists exactly the records that
// differ — none missed, none invented — whatever the two documents hold.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StoreDocument } from '../../shared/domain';
import { changesNothing, restoreChanges, sameValue, summarizeRestore, type RecordChanges } from '../../shared/rules/restore-changes';
import { storeDocument, text } from '../support/arbitraries';

type Kind = 'threads' | 'meetings' | 'nextSteps';
const KINDS: Kind[] = ['threads', 'meetings', 'nextSteps'];

const ids = <T extends { id: string }>(records: readonly T[]) => records.map((r) => r.id).sort();
const idsOf = (changes: RecordChanges<{ id: string }>) => ({
  added: ids(changes.added),
  removed: ids(changes.removed),
  changed: changes.changed.map((c) => c.restored.id).sort(),
});

/** The oracle: by id, with content compared as JSON (both documents come from one generator, so keys line up). */
function expected(now: readonly { id: string }[], restored: readonly { id: string }[]) {
  const before = new Map(now.map((r) => [r.id, JSON.stringify(r)]));
  const after = new Map(restored.map((r) => [r.id, JSON.stringify(r)]));
  return {
    added: [...after.keys()].filter((id) => !before.has(id)).sort(),
    removed: [...before.keys()].filter((id) => !after.has(id)).sort(),
    changed: [...after.keys()].filter((id) => before.has(id) && before.get(id) !== after.get(id)).sort(),
  };
}

/** The same JSON with every object's keys in reverse order (a file read back orders keys its own way). */
const reorderKeys = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(reorderKeys)
    : value && typeof value === 'object'
      ? Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reorderKeys(v)]))
      : value;

describe('what a restore would change', () => {
  it('lists exactly the threads, meetings and next steps that differ between two documents', () => {
    fc.assert(
      fc.property(storeDocument(), storeDocument(), (now, restored) => {
        const changes = restoreChanges(now, restored);
        for (const kind of KINDS) expect(idsOf(changes[kind])).toEqual(expected(now[kind], restored[kind]));
      }),
    );
  });

  it('finds exactly the edits made to a copy: removed, added back under new ids, and changed records', () => {
    fc.assert(
      fc.property(
        storeDocument(),
        fc.record({ drop: fc.array(fc.nat()), edit: fc.array(fc.nat()), title: text(40) }),
        (now, { drop, edit, title }) => {
          const restored = structuredClone(now);
          const dropped = new Set(drop.map((i) => now.meetings[i % Math.max(1, now.meetings.length)]?.id).filter(Boolean));
          restored.meetings = restored.meetings.filter((m) => !dropped.has(m.id));
          const edited = new Set<string>();
          for (const i of edit) {
            const meeting = restored.meetings[i % Math.max(1, restored.meetings.length)];
            if (meeting && meeting.title !== `${title}!`) {
              meeting.title = `${title}!`;
              edited.add(meeting.id);
            }
          }
          restored.meetings.push({ ...now.meetings[0]!, id: 'brand-new' });
          if (!now.meetings[0]) restored.meetings.pop();
          const changes = restoreChanges(now, restored);
          expect(ids(changes.meetings.removed)).toEqual([...dropped].sort());
          expect(changes.meetings.changed.map((c) => c.restored.id).sort()).toEqual([...edited].sort());
          expect(ids(changes.meetings.added)).toEqual(now.meetings[0] ? ['brand-new'] : []);
          expect(changes.threads).toEqual({ added: [], removed: [], changed: [] });
        },
      ),
    );
  });

  it('sees nothing to change in the same data, whatever order its keys come in', () => {
    fc.assert(
      fc.property(storeDocument(), (doc) => {
        const readBack = reorderKeys(JSON.parse(JSON.stringify(doc))) as StoreDocument;
        expect(changesNothing(restoreChanges(doc, readBack))).toBe(true);
        expect(summarizeRestore(doc, readBack).nothing).toBe(true);
      }),
    );
  });

  it('is the mirror image when the two documents swap places', () => {
    fc.assert(
      fc.property(storeDocument(), storeDocument(), (a, b) => {
        const there = restoreChanges(a, b);
        const back = restoreChanges(b, a);
        const changedIds = (changes: RecordChanges<{ id: string }>, side: 'now' | 'restored') => changes.changed.map((c) => c[side].id).sort();
        for (const kind of KINDS) {
          const [forth, mirror]: RecordChanges<{ id: string }>[] = [there[kind], back[kind]];
          expect(ids(forth!.added)).toEqual(ids(mirror!.removed));
          expect(changedIds(forth!, 'now')).toEqual(changedIds(mirror!, 'restored'));
        }
        expect(there.settings).toEqual(back.settings);
      }),
    );
  });

  it('names the settings that differ, and counts with a few named, dated examples', () => {
    fc.assert(
      fc.property(storeDocument(), (now) => {
        const restored = structuredClone(now);
        restored.settings.endOfDay = now.settings.endOfDay === '18:00' ? '17:00' : '18:00';
        restored.settings.hotkeys = { answerYes: 'Ctrl+Alt+F9' };
        restored.meetings = [];
        const summary = summarizeRestore(now, restored, 2);
        expect(summary.settings).toEqual(['Hotkeys', 'End of day']);
        expect(summary.meetings.removed).toBe(now.meetings.length);
        expect(summary.meetings.examples).toHaveLength(Math.min(2, now.meetings.length));
        for (const [i, example] of summary.meetings.examples.entries()) {
          const meeting = now.meetings[i]!;
          const account = now.threads.find((t) => t.id === meeting.threadId)!.account;
          expect(example).toEqual({ change: 'removed', label: `${meeting.title} · ${account}`, when: meeting.start });
        }
        expect(summary.nothing).toBe(false);
      }),
    );
  });

  it('compares values, not references or key order', () => {
    expect(sameValue({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(sameValue({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameValue({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(sameValue({ a: null }, { a: {} })).toBe(false);
    expect(sameValue([], {})).toBe(false);
  });
});
