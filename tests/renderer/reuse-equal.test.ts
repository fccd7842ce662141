// reuseEqual: a pushed view keeps the identity of every part equal to what is on screen (so memoised parts of the
// overlay skip their render), and is always equal to the view pushed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reuseEqual } from '../../renderer/src/ui/reuse-equal';

const json = fc.jsonValue({ maxDepth: 4 });

describe('reuseEqual', () => {
  it('always gives a value equal to the new one', () => {
    fc.assert(fc.property(json, json, (previous, next) => {
        expect(reuseEqual(previous, next)).toEqual(next);
      }),
    );
  });

  it('gives back the old value itself when nothing changed', () => {
    fc.assert(fc.property(json, (value) => {
        expect(reuseEqual(value, structuredClone(value))).toBe(value);
      }),
    );
  });

  it('keeps the unchanged parts and renews only the path to the change', () => {
    const before = { meeting: { title: 'Discovery', agenda: [{ id: 'a1', done: false }, { id: 'a2', done: false }] }, thread: { account: 'Acme' } };
    const after = structuredClone(before);
    after.meeting.agenda[0]!.done = true;
    const merged = reuseEqual(before, after);
    expect(merged).not.toBe(before);
    expect(merged.thread).toBe(before.thread);
    expect(merged.meeting.agenda[1]).toBe(before.meeting.agenda[1]);
    expect(merged.meeting.agenda[0]).toEqual({ id: 'a1', done: true });
  });
});
