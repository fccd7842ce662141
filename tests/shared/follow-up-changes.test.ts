// Keeping a next step after the call: what may change and how the history records it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { NextStep, Thread } from '../../shared/domain';
import { canMark, canReschedule, markedStep, MAX_CHANGES, movedMeeting, rescheduledStep } from '../../shared/rules/follow-up-changes';
import { meeting } from '../renderer/fixtures';

const NOW = Date.parse('2026-03-10T12:00:00Z');
const step: NextStep = {
  id: 's1', threadId: 't1', fromMeetingId: 'm1', kind: 'demo', what: 'Demo for the ops team', when: '2026-03-12T14:00:00.000Z',
  durationMinutes: 45, owner: 'both', purpose: 'Show route planning on their data', bring: '', agreed: true, status: 'open',
  createdAt: '2026-03-05T10:00:00.000Z', history: [],
};
const thread: Thread = { id: 't1', title: 'Acme', account: 'Acme Logistics', contacts: [], status: 'open', createdAt: '2026-03-01T09:00:00.000Z', notes: '' };

type Change = { kind: 'done' | 'missed' } | { kind: 'move'; hours: number };
const changes = fc.array(
  fc.oneof(fc.constantFrom<Change>({ kind: 'done' }, { kind: 'missed' }), fc.integer({ min: -48, max: 24 * 30 }).map((hours): Change => ({ kind: 'move', hours }))),
  { maxLength: 12 },
);

describe('follow-up changes', () => {
  it('appends exactly one history entry per allowed change and never rewrites what came before', () => {
    fc.assert(
      fc.property(changes, (list) => {
        let current = step;
        list.forEach((change, i) => {
          const at = new Date(NOW + i * 60_000).toISOString();
          const before = current.history;
          if (change.kind === 'move') {
            const when = new Date(NOW + change.hours * 3_600_000).toISOString();
            if (!canReschedule(current, thread, when, NOW).ok) return;
            current = rescheduledStep(current, when, 'They asked to move it', at);
            expect(current).toMatchObject({ when, status: 'open' });
          } else {
            if (!canMark(current, thread, change.kind).ok) return;
            current = markedStep(current, change.kind, at);
            expect(current.status).toBe(change.kind);
          }
          expect(current.history.slice(0, -1)).toEqual(before);
          expect(current.history).toHaveLength(before.length + 1);
        });
        expect(step.history).toEqual([]); // the original is untouched
      }),
    );
  });

  it('refuses in plain words: same mark twice, moving a done step, a past or unchanged date, a closed deal, endless changes', () => {
    expect(canMark(markedStep(step, 'done', 'x'), thread, 'done')).toEqual({ ok: false, message: 'This step is already marked done.' });
    expect(canReschedule(markedStep(step, 'done', 'x'), thread, '2026-03-20T10:00:00Z', NOW)).toEqual({
      ok: false,
      message: 'This step is already done, so there is nothing to move.',
    });
    expect(canReschedule(step, thread, '2026-03-09T10:00:00Z', NOW)).toEqual({ ok: false, field: 'when', message: 'Pick a new date and time in the future.' });
    expect(canReschedule(step, thread, step.when, NOW)).toMatchObject({ ok: false, field: 'when' });
    expect(canReschedule(markedStep(step, 'missed', 'x'), thread, '2026-03-20T10:00:00Z', NOW)).toEqual({ ok: true });
    const closed: Thread = { ...thread, status: 'not-a-fit' };
    expect(canMark(step, closed, 'done')).toEqual({
      ok: false,
      message: 'The deal with Acme Logistics is closed (not a fit), so its next steps stay as they were.',
    });
    const busy: NextStep = { ...step, history: Array.from({ length: MAX_CHANGES }, () => ({ action: 'missed' as const, at: 'x' })) };
    expect(canMark(busy, thread, 'done')).toMatchObject({ ok: false });
  });

  it('moves a planned meeting and keeps its length', () => {
    const m = meeting({ start: '2026-03-12T14:00:00.000Z', end: '2026-03-12T14:45:00.000Z' });
    expect(movedMeeting(m, '2026-03-19T09:30:00.000Z')).toEqual({ start: '2026-03-19T09:30:00.000Z', end: '2026-03-19T10:15:00.000Z' });
  });
});
