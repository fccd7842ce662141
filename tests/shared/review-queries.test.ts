// The end-of-day review's query rules, property-tested over generated deal histories around a "now" that often sits
// on a day boundary or a DST change, in zones with DST in both hemispheres and odd offsets. Days are checked against
// Intl asked afresh (oracleDay), so the rules' cached calendar is checked too.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { NextStep, StoreDocument } from '../../shared/domain';
import { addDays } from '../../shared/rules/local-days';
import { reviewIndex } from '../../shared/rules/review/review-index';
import { stepCovers, stepSpans } from '../../shared/rules/review/stalled';
import { chainOf } from '../../shared/rules/review/threads';
import {
  followUps,
  reviewMetrics,
  reviewModes,
  reviewToday,
  threadChains,
  todayCalls,
  tomorrowPrep,
} from '../../shared/rules/review-queries';
import { oracleDay, oracleDaysBetween, reviewWorld, ZONES } from '../support/review-arbitraries';

const RUNS = { numRuns: 400 };
const held = (status: string, startedAt?: string) => !!startedAt && ['done', 'wrapping-up', 'live'].includes(status);

/** The literal definition: an open deal with no open step still to come and no planned meeting still to come. */
function literallyStalled(doc: StoreDocument, now: number): string[] {
  return doc.threads
    .filter((t) => t.status === 'open')
    .filter((t) => !doc.nextSteps.some((s) => s.threadId === t.id && s.status === 'open' && Date.parse(s.when) > now))
    .filter((t) => !doc.meetings.some((m) => m.threadId === t.id && m.status === 'planned' && Date.parse(m.start) > now))
    .map((t) => t.id)
    .sort();
}

/** Still to do: open, its deal open, and not kept by a planned meeting that took place. */
function outstanding(doc: StoreDocument, step: NextStep): boolean {
  const thread = doc.threads.find((t) => t.id === step.threadId);
  const planned = doc.meetings.find((m) => m.id === step.plannedMeetingId);
  return step.status === 'open' && thread?.status === 'open' && !(planned && held(planned.status, planned.startedAt));
}

describe('Today', () => {
  it('lists exactly the day’s calls (not cancelled), in start order, in the rep’s zone', () => {
    fc.assert(
      fc.property(reviewWorld(), ({ doc, now, timeZone }) => {
        const view = todayCalls(doc, now, timeZone);
        const today = oracleDay(now, timeZone);
        expect(view.day).toBe(today);
        const expected = doc.meetings.filter((m) => m.status !== 'cancelled' && oracleDay(Date.parse(m.start), timeZone) === today);
        expect(view.calls.map((c) => c.meetingId).sort()).toEqual(expected.map((m) => m.id).sort());
        expect(view.calls.map((c) => c.start)).toEqual([...view.calls.map((c) => c.start)].sort());
        for (const call of view.calls) {
          const meeting = doc.meetings.find((m) => m.id === call.meetingId)!;
          expect(call.purposeSet).toBe(meeting.purpose.trim() !== '');
          expect(call.confirmed !== null).toBe(meeting.confirmations.some((c) => c.kind === 'confirm'));
          expect(call.reconfirmedAt !== null).toBe(meeting.confirmations.some((c) => c.kind === 'reconfirm'));
          const step = doc.nextSteps.find((s) => s.fromMeetingId === meeting.id);
          expect(call.nextStep?.id ?? null).toBe(step?.id ?? null);
          if (meeting.status === 'wrapping-up') expect(call.phase).toBe('wrap-up-pending');
          if (call.phase === 'next-step-logged') expect(call.nextStep).not.toBeNull();
        }
        expect(view.summary.open).toBe(view.calls.filter((c) => ['unheld', 'wrap-up-pending', 'no-show'].includes(c.phase)).length);
        const heldToday = view.calls.filter((c) => {
          const meeting = doc.meetings.find((m) => m.id === c.meetingId)!;
          return held(meeting.status, meeting.startedAt);
        });
        expect(view.summary.held).toBe(heldToday.length);
        expect(view.summary.stepsAgreed).toBeLessThanOrEqual(view.summary.stepsLogged);
        expect(view.summary.confirmed).toBe(heldToday.filter((c) => c.confirmed).length);
      }),
      RUNS,
    );
  });
});

describe('Follow-ups', () => {
  it('puts every outstanding step in exactly one of due today / overdue / upcoming, by the rep’s calendar day', () => {
    fc.assert(
      fc.property(reviewWorld(), ({ doc, now, timeZone }) => {
        const view = followUps(doc, now, timeZone);
        const today = oracleDay(now, timeZone);
        const all = [...view.dueToday, ...view.overdue, ...view.upcoming];
        expect(all.map((f) => f.id).sort()).toEqual(doc.nextSteps.filter((s) => outstanding(doc, s)).map((s) => s.id).sort());
        for (const f of view.dueToday) expect(oracleDay(Date.parse(f.when), timeZone)).toBe(today);
        for (const f of view.upcoming) expect(oracleDay(Date.parse(f.when), timeZone) > today).toBe(true);
        for (const f of view.overdue) {
          const due = oracleDay(Date.parse(f.when), timeZone);
          expect(due < today).toBe(true);
          // Whole calendar days, whatever DST did in between.
          expect(f.daysLate).toBe(oracleDaysBetween(due, today));
          expect(f.daysLate).toBeGreaterThanOrEqual(1);
        }
        const times = (list: typeof view.upcoming) => list.map((f) => Date.parse(f.when));
        for (const list of [view.dueToday, view.upcoming]) expect(times(list)).toEqual(times(list).sort((a, b) => a - b));
        expect(times(view.overdue)).toEqual(times(view.overdue).sort((a, b) => b - a)); // the freshest slip first
      }),
      RUNS,
    );
  });

  it('keeps the same follow-ups wherever the rep travels; only the day they fall on moves', () => {
    fc.assert(
      fc.property(reviewWorld(), fc.constantFrom(...ZONES), ({ doc, now, timeZone }, elsewhere) => {
        const ids = (tz: string) => {
          const v = followUps(doc, now, tz);
          return [...v.dueToday, ...v.overdue, ...v.upcoming].map((f) => f.id).sort();
        };
        expect(ids(elsewhere)).toEqual(ids(timeZone));
      }),
      RUNS,
    );
  });

  it('counts a step moved with a reason, and keeps its last reason', () => {
    fc.assert(
      fc.property(reviewWorld(), ({ doc, now, timeZone }) => {
        const view = followUps(doc, now, timeZone);
        for (const f of [...view.dueToday, ...view.overdue, ...view.upcoming]) {
          const step = doc.nextSteps.find((s) => s.id === f.id)!;
          const moves = step.history.filter((c) => c.action === 'rescheduled');
          expect(f.reschedules).toBe(moves.length);
          expect(f.lastReason).toBe(moves.at(-1)?.reason ?? null);
        }
      }),
      RUNS,
    );
  });
});

describe('Threads', () => {
  it('splits open deals into stalled and active exactly by the definition, stalled most recent first', () => {
    fc.assert(
      fc.property(reviewWorld(), ({ doc, now, timeZone }) => {
        const view = threadChains(doc, now, timeZone);
        expect(view.stalled.map((t) => t.threadId).sort()).toEqual(literallyStalled(doc, now));
        const open = doc.threads.filter((t) => t.status === 'open').map((t) => t.id).sort();
        expect([...view.stalled, ...view.active].map((t) => t.threadId).sort()).toEqual(open);
        for (const t of view.active) {
          expect(t.next).not.toBeNull();
          expect(Date.parse(t.next!.at)).toBeGreaterThan(now);
        }
        for (const t of view.stalled) expect(t.stallReason).not.toBeNull();
        const last = view.stalled.map((t) => (t.lastActivity ? Date.parse(t.lastActivity) : -Infinity));
        expect(last).toEqual([...last].sort((a, b) => b - a));
        for (const t of view.closedRecently) expect(t.status).not.toBe('open');
      }),
      RUNS,
    );
  });

  it('chains every meeting and step of a deal once: meeting -> its step -> the meeting it planned', () => {
    fc.assert(
      fc.property(reviewWorld(), ({ doc, now, timeZone }) => {
        const index = reviewIndex(doc, now, timeZone);
        for (const thread of doc.threads) {
          const chain = chainOf(thread, index);
          const meetings = doc.meetings.filter((m) => m.threadId === thread.id && m.status !== 'cancelled');
          const steps = doc.nextSteps.filter((s) => s.threadId === thread.id);
          expect(chain.filter((l) => l.kind === 'meeting').map((l) => l.id).sort()).toEqual(meetings.map((m) => m.id).sort());
          expect(chain.filter((l) => l.kind === 'step').map((l) => l.id).sort()).toEqual(steps.map((s) => s.id).sort());
          const position = (id: string) => chain.findIndex((l) => l.id === id);
          for (const step of steps) {
            if (position(step.fromMeetingId) >= 0) expect(position(step.id)).toBeGreaterThan(position(step.fromMeetingId));
          }
        }
      }),
      RUNS,
    );
  });

  it('replays a step’s history the same way, step by step or as spans (the metrics’ fast path)', () => {
    fc.assert(
      fc.property(reviewWorld(), fc.array(fc.integer({ min: -60 * 24 * 60, max: 0 }), { minLength: 1, maxLength: 20 }), ({ doc, now }, offsets) => {
        for (const step of doc.nextSteps) {
          const spans = stepSpans(step, now);
          for (const minutes of offsets) {
            const t = now + minutes * 60_000 - 1;
            expect(spans.some(([from, to]) => from <= t && t < to)).toBe(stepCovers(step, t, now));
          }
        }
      }),
      RUNS,
    );
  });
});

describe('Tomorrow', () => {
  it('lists tomorrow’s planned calls, those missing a purpose or an agenda first', () => {
    fc.assert(
      fc.property(reviewWorld(), ({ doc, now, timeZone }) => {
        const view = tomorrowPrep(doc, now, timeZone);
        const tomorrow = addDays(oracleDay(now, timeZone), 1);
        expect(view.day).toBe(tomorrow);
        const expected = doc.meetings.filter((m) => m.status === 'planned' && oracleDay(Date.parse(m.start), timeZone) === tomorrow);
        expect(view.meetings.map((m) => m.meeting.id).sort()).toEqual(expected.map((m) => m.id).sort());
        for (const m of view.meetings) {
          const meeting = m.meeting;
          expect(m.missing.includes('purpose')).toBe(!meeting.purpose.trim());
          expect(m.missing.includes('agenda')).toBe(meeting.agenda.length === 0);
        }
        const flags = view.meetings.map((m) => m.missing.length > 0);
        expect(flags).toEqual([...flags].sort((a, b) => Number(b) - Number(a)));
        expect(view.unprepared).toBe(flags.filter(Boolean).length);
      }),
      RUNS,
    );
  });
});

describe('Metrics', () => {
  it('tallies each held call once per week and once per month, with shares, medians and stalled counts that add up', () => {
    fc.assert(
      fc.property(reviewWorld(), ({ doc, now, timeZone }) => {
        const { weeks, months } = reviewMetrics(doc, now, timeZone, { weeks: 12, months: 3 });
        expect(weeks).toHaveLength(12);
        expect(months).toHaveLength(3);
        const gated = (internal: boolean) => !internal || doc.settings.gateInternalMeetings;
        const heldCalls = doc.meetings.filter((m) => held(m.status, m.startedAt) && gated(m.internal) && Date.parse(m.start) <= now);
        for (const periods of [weeks, months]) {
          // Consecutive periods, the last one holding today.
          for (let i = 1; i < periods.length; i++) expect(periods[i]!.start).toBe(addDays(periods[i - 1]!.end, 1));
          expect(periods.at(-1)!.partial).toBe(true);
          const first = periods[0]!.start;
          const inWindow = heldCalls.filter((m) => oracleDay(Date.parse(m.start), timeZone) >= first);
          expect(periods.reduce((n, p) => n + p.heldCalls, 0)).toBe(inWindow.length);
          for (const p of periods) {
            for (const value of Object.values(p.share)) if (value !== null) expect(value >= 0 && value <= 1).toBe(true);
            expect(p.share.purposeConfirmed === null).toBe(p.heldCalls === 0);
            expect(p.purposeConfirmed).toBeLessThanOrEqual(p.heldCalls);
            // Calendar days: whole numbers, or halfway between two for an even count — never a DST fraction.
            if (p.medianDaysToNextStep !== null) expect(Number.isInteger(p.medianDaysToNextStep * 2)).toBe(true);
          }
          expect(periods.at(-1)!.stalledThreads).toBe(literallyStalled(doc, now).length);
        }
      }),
      RUNS,
    );
  });

  it('measures days to the next step from the call to the date agreed on it, not to where it was moved', () => {
    const world = fc.sample(reviewWorld(), { numRuns: 1, seed: 7 })[0]!;
    const { doc } = world;
    const now = Date.parse('2026-03-27T17:00:00Z'); // a Friday; Berlin springs forward on Sunday
    const call = { ...doc.meetings[0]!, id: 'call', threadId: 'deal', status: 'done' as const, internal: false, start: '2026-03-27T09:00:00Z', end: '2026-03-27T09:30:00Z', startedAt: '2026-03-27T09:00:00Z', confirmations: [] };
    const step: NextStep = {
      id: 'step', threadId: 'deal', fromMeetingId: 'call', kind: 'task', what: 'Send the proposal', when: '2026-04-08T10:00:00Z',
      durationMinutes: 30, owner: 'me', purpose: 'Get their numbers', bring: '', agreed: true, status: 'open', createdAt: '2026-03-27T09:35:00Z',
      history: [{ action: 'rescheduled', at: '2026-03-27T12:00:00Z', from: '2026-03-31T10:00:00Z', to: '2026-04-08T10:00:00Z', reason: 'Their CFO is away' }],
    };
    const thread = { ...doc.threads[0]!, id: 'deal', status: 'open' as const, closeOut: undefined };
    const single: StoreDocument = { ...doc, threads: [thread], meetings: [call], nextSteps: [step] };
    const week = reviewMetrics(single, now, 'Europe/Berlin', { weeks: 1, months: 1 }).weeks[0]!;
    expect(week).toMatchObject({ heldCalls: 1, nextStepAgreed: 1, medianDaysToNextStep: 4, stalledThreads: 0 });
  });
});

describe('all modes at once', () => {
  it('agrees with each query on its own, and counts what the tabs show', () => {
    fc.assert(
      fc.property(reviewWorld(), ({ doc, now, timeZone }) => {
        const modes = reviewModes(doc, now, timeZone);
        expect(modes.today).toEqual(todayCalls(doc, now, timeZone));
        expect(modes.followUps).toEqual(followUps(doc, now, timeZone));
        expect(modes.threads).toEqual(threadChains(doc, now, timeZone));
        expect(modes.tomorrow).toEqual(tomorrowPrep(doc, now, timeZone));
        expect(modes.counts).toEqual({
          due: modes.followUps.dueToday.length + modes.followUps.overdue.length,
          overdue: modes.followUps.overdue.length,
          stalled: modes.threads.stalled.length,
          unprepared: modes.tomorrow.unprepared,
        });
        expect(modes.timeZone).toBe(timeZone);
      }),
      { numRuns: 100 },
    );
  });

  it('paints Today first with exactly what the full answer holds for it (tab counts too), and says whether any deal is open', () => {
    fc.assert(
      fc.property(reviewWorld(), ({ doc, now, timeZone }) => {
        const first = reviewToday(doc, now, timeZone);
        const { now: at, timeZone: zone, today, reviewed, pendingWrapUps, openDeals, counts } = reviewModes(doc, now, timeZone);
        expect(first).toEqual({ now: at, timeZone: zone, today, reviewed, pendingWrapUps, openDeals, counts });
        // A first run (nothing today, no open deal) opens on Plan: this count decides it.
        expect(openDeals).toBe(doc.threads.filter((t) => t.status === 'open').length);
      }),
      { numRuns: 100 },
    );
  });
});
