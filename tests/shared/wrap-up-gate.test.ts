import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NextStep } from '../../shared/domain';
import {
  pendingWrapUps,
  wrapUpCloseDecision,
  wrapUpSatisfaction,
  wrapUpToShow,
  type CloseCause,
} from '../../shared/rules/wrap-up-gate';
import { storeDocument } from '../support/arbitraries';

const causes: CloseCause[] = ['user-close', 'user-quit', 'os-shutdown', 'renderer-gone'];

describe('wrap-up gate', () => {
  it('decides every close cause: prevent while pending, recreate a dead page, never block shutdown', () => {
    const table = Object.fromEntries(
      causes.map((c) => [c, [wrapUpCloseDecision(c, true), wrapUpCloseDecision(c, false), wrapUpCloseDecision(c, true, true)]]),
    );
    expect(table).toEqual({
      'user-close': ['prevent', 'allow', 'defer'],
      'user-quit': ['prevent', 'allow', 'defer'],
      'os-shutdown': ['allow', 'allow', 'allow'],
      'renderer-gone': ['recreate', 'allow', 'defer'],
    });
  });

  it('is satisfied exactly by a valid next step from that meeting or a closed-out thread', () => {
    fc.assert(
      fc.property(storeDocument(), fc.boolean(), (doc, closeFirst) => {
        if (closeFirst && doc.threads[0]) {
          doc.threads[0].closeOut = { result: 'lost', reason: 'Chose a competitor', at: doc.threads[0].createdAt };
        }
        for (const meeting of doc.meetings) {
          const thread = doc.threads.find((t) => t.id === meeting.threadId)!;
          const step = doc.nextSteps.find((s) => s.fromMeetingId === meeting.id);
          const expected = !!thread.closeOut || (!!step && NextStep.safeParse(step).success);
          expect(wrapUpSatisfaction(doc, meeting.id).satisfied).toBe(expected);
        }
      }),
    );
  });

  it('does not count an invalid step (no purpose) as satisfying the gate', () => {
    fc.assert(
      fc.property(storeDocument(), (doc) => {
        for (const step of doc.nextSteps) step.purpose = '   ';
        for (const meeting of doc.meetings) {
          if (!doc.threads.find((t) => t.id === meeting.threadId)!.closeOut) {
            expect(wrapUpSatisfaction(doc, meeting.id).satisfied).toBe(false);
          }
        }
      }),
    );
  });

  it('queues owed wrap-ups oldest first and never shows one over a live call', () => {
    fc.assert(
      fc.property(storeDocument(), (doc) => {
        const pending = pendingWrapUps(doc);
        for (const m of pending) expect(['wrapping-up', 'no-show']).toContain(m.status);
        const ends = pending.map((m) => m.endedAt ?? m.end);
        expect(ends).toEqual([...ends].sort());
        const live = doc.meetings.some((m) => m.status === 'live');
        expect(wrapUpToShow(doc)).toEqual(live ? null : (pending[0] ?? null));
      }),
    );
  });

  it('owes exactly the owing meetings wrapUpSatisfaction calls unsatisfied, also on a frozen (remembered) document', () => {
    fc.assert(
      fc.property(storeDocument(), fc.boolean(), fc.boolean(), (doc, closeFirst, spoilFirst) => {
        if (closeFirst && doc.threads[0]) doc.threads[0].closeOut = { result: 'won', reason: 'Signed', at: doc.threads[0].createdAt };
        if (spoilFirst && doc.nextSteps[0]) doc.nextSteps[0].purpose = ' ';
        const expected = doc.meetings.filter((m) => ['wrapping-up', 'no-show'].includes(m.status) && !wrapUpSatisfaction(doc, m.id).satisfied);
        const ids = (ms: readonly { id: string }[]) => ms.map((m) => m.id).sort();
        expect(ids(pendingWrapUps(doc))).toEqual(ids(expected));
        const frozen = Object.freeze({ ...doc });
        expect(ids(pendingWrapUps(frozen))).toEqual(ids(expected));
        expect(pendingWrapUps(frozen)).toBe(pendingWrapUps(frozen));
      }),
    );
  });
});
