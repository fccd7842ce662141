// The end-of-day review through the real core and a real data folder: the modes as the window gets them, keeping
// follow-ups (done, missed, moved with a reason — all in the step's history, on disk), and the review's memory.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyDocument } from '../../shared/domain';
import { discoveryCall, goodStep, iso, minutes, openTestCore, T0, type TestCore } from '../support/core-harness';
import { documentOnDisk } from '../support/on-disk';

let t: TestCore;
afterEach(async () => t?.dispose());

const onDisk = documentOnDisk;
const DAY = 86_400_000;

/** A call held at T0 + 1 h whose step (a demo, a week on) planned the deal's next meeting. */
async function heldCallWithStep(overrides: Parameters<typeof goodStep>[1] = {}) {
  t = await openTestCore();
  const meeting = await t.ok('createMeeting', discoveryCall());
  t.clock.set(T0 + minutes(61));
  await t.ok('startMeeting', { id: meeting.id });
  await t.ok('confirmPurpose', { meetingId: meeting.id, kind: 'confirm', result: 'agreed' });
  t.clock.set(T0 + minutes(88));
  await t.ok('endCall', { meetingId: meeting.id });
  const logged = await t.ok('logNextStep', goodStep(meeting.id, overrides));
  return { meeting, ...logged };
}

describe('getReviewModes', () => {
  it('answers every mode from the rules, in the time zone the window gives', async () => {
    const { meeting, step } = await heldCallWithStep();
    const modes = await t.ok('getReviewModes', { timeZone: 'Europe/Berlin' });
    expect(modes.timeZone).toBe('Europe/Berlin');
    expect(modes.today.day).toBe('2026-11-23');
    expect(modes.today.calls).toMatchObject([
      { meetingId: meeting.id, phase: 'next-step-logged', purposeSet: true, confirmed: { result: 'agreed' }, reconfirmedAt: null, nextStep: { id: step.id, agreed: true } },
    ]);
    expect(modes.followUps.upcoming.map((f) => f.id)).toEqual([step.id]);
    expect(modes.threads.active).toHaveLength(1);
    expect(modes.counts).toEqual({ due: 0, overdue: 0, stalled: 0, unprepared: 0 });
    expect(modes.metrics.weeks.at(-1)).toMatchObject({ heldCalls: 1, purposeConfirmed: 1, nextStepAgreed: 1, medianDaysToNextStep: 7 });
    expect(modes.reviewed).toEqual({ lastDay: null, at: null, today: false });
  });

  it('moves "today" with the zone: 23:30 UTC is already tomorrow in Berlin', async () => {
    t = await openTestCore({ now: Date.parse('2026-11-23T23:30:00Z') });
    expect((await t.ok('getReviewModes', { timeZone: 'UTC' })).today.day).toBe('2026-11-23');
    expect((await t.ok('getReviewModes', { timeZone: 'Europe/Berlin' })).today.day).toBe('2026-11-24');
    expect((await t.ok('getReviewModes', { timeZone: 'America/Los_Angeles' })).today.day).toBe('2026-11-23');
  });

  it('answers Today alone for the first paint, the same as in the full answer', async () => {
    const { meeting } = await heldCallWithStep();
    const first = await t.ok('getReviewToday', { timeZone: 'Europe/Berlin' });
    const all = await t.ok('getReviewModes', { timeZone: 'Europe/Berlin' });
    expect(first.today).toEqual(all.today);
    expect(first.today.calls.map((c) => c.meetingId)).toEqual([meeting.id]);
    expect(first).toMatchObject({ timeZone: 'Europe/Berlin', openDeals: 1, pendingWrapUps: [], reviewed: { lastDay: null, at: null, today: false } });
    expect(first).not.toHaveProperty('threads');
    expect((await t.call('getReviewToday', { timeZone: 'Mars/Olympus_Mons' })).ok).toBe(false);
  });

  it('refuses a zone it does not know, in plain words', async () => {
    t = await openTestCore();
    expect(await t.call('getReviewModes', { timeZone: 'Mars/Olympus_Mons' })).toEqual({
      ok: false,
      error: { code: 'invalid', message: 'Some fields need your attention.', fields: { timeZone: 'That time zone is not one this computer knows.' } },
    });
  });

  it('keeps the old review read model working', async () => {
    const { step } = await heldCallWithStep();
    const review = await t.ok('getReview');
    expect(Object.keys(review).sort()).toEqual(['meetings', 'nextSteps', 'pendingWrapUpIds', 'threads']);
    expect(review.nextSteps.map((s) => s.id)).toEqual([step.id]);
  });
});

describe('markFollowUp', () => {
  it('marks a step done, keeps the change in its history on disk, and it leaves the follow-ups', async () => {
    const { step } = await heldCallWithStep({ kind: 'task', what: 'Send the proposal', when: iso(T0 + DAY) });
    t.clock.set(T0 + 2 * DAY);
    expect((await t.ok('getReviewModes', { timeZone: 'UTC' })).followUps.overdue.map((f) => f.id)).toEqual([step.id]);
    const marked = await t.ok('markFollowUp', { nextStepId: step.id, status: 'done' });
    expect(marked).toMatchObject({ status: 'done', history: [{ action: 'done', at: iso(T0 + 2 * DAY) }] });
    expect(onDisk(t.dataDir).nextSteps[0]).toEqual(marked);
    const modes = await t.ok('getReviewModes', { timeZone: 'UTC' });
    expect(modes.counts.due).toBe(0);
    // Nothing agreed ahead any more: the deal shows as stalled, for the rep to plan the next step.
    expect(modes.threads.stalled.map((th) => th.threadId)).toEqual([step.threadId]);
  });

  it('refuses the same mark twice, an unknown step and a closed deal — in plain words', async () => {
    const { step, meeting } = await heldCallWithStep({ kind: 'task', what: 'Send the proposal' });
    await t.ok('markFollowUp', { nextStepId: step.id, status: 'missed' });
    expect(await t.call('markFollowUp', { nextStepId: step.id, status: 'missed' })).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'This step is already marked missed.' },
    });
    expect(await t.call('markFollowUp', { nextStepId: 'nope', status: 'done' })).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: 'That next step could not be found. It may have been removed.' },
    });
    expect(await t.call('markFollowUp', { nextStepId: step.id, status: 'later' })).toMatchObject({
      ok: false,
      error: { fields: { status: 'Say whether the step was done or missed.' } },
    });
    // A second call on the deal, closed out: its steps stay as they were.
    const second = await t.ok('createMeeting', { ...discoveryCall(), threadId: meeting.threadId, account: undefined, start: iso(T0 + DAY), end: iso(T0 + DAY + minutes(30)) });
    t.clock.set(T0 + DAY + minutes(1));
    await t.ok('startMeeting', { id: second.id });
    await t.ok('endCall', { meetingId: second.id });
    await t.ok('closeOutThread', { meetingId: second.id, result: 'lost', reason: 'Chose their incumbent' });
    expect(await t.call('markFollowUp', { nextStepId: step.id, status: 'done' })).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'The deal with Acme Logistics is closed (lost), so its next steps stay as they were.' },
    });
  });

  it('takes a missed step’s meeting out of the diary', async () => {
    const { step, plannedMeeting } = await heldCallWithStep();
    await t.ok('markFollowUp', { nextStepId: step.id, status: 'missed' });
    expect(onDisk(t.dataDir).meetings.find((m) => m.id === plannedMeeting!.id)?.status).toBe('cancelled');
  });
});

describe('rescheduleFollowUp', () => {
  it('moves the step and its planned meeting (same length), keeping the old date and the reason', async () => {
    const { step, plannedMeeting } = await heldCallWithStep({ durationMinutes: 45 });
    const when = iso(T0 + 9 * DAY);
    const { step: moved, plannedMeeting: meeting } = await t.ok('rescheduleFollowUp', { nextStepId: step.id, when, reason: 'Their ops lead is away' });
    expect(moved).toMatchObject({
      when,
      status: 'open',
      history: [{ action: 'rescheduled', at: iso(T0 + minutes(88)), from: step.when, to: when, reason: 'Their ops lead is away' }],
    });
    expect(meeting).toMatchObject({ id: plannedMeeting!.id, start: when, end: iso(T0 + 9 * DAY + minutes(45)) });
    const disk = onDisk(t.dataDir);
    expect(disk.nextSteps[0]).toEqual(moved);
    expect(disk.meetings.find((m) => m.id === plannedMeeting!.id)).toMatchObject({ start: when, status: 'planned' });
    const upcoming = (await t.ok('getReviewModes', { timeZone: 'UTC' })).followUps.upcoming;
    expect(upcoming).toMatchObject([{ id: step.id, reschedules: 1, lastReason: 'Their ops lead is away' }]);
  });

  it('plans a fresh meeting when a missed step is moved, and the step is open again', async () => {
    const { step, plannedMeeting } = await heldCallWithStep();
    await t.ok('markFollowUp', { nextStepId: step.id, status: 'missed' });
    const when = iso(T0 + 10 * DAY);
    const { step: moved, plannedMeeting: fresh } = await t.ok('rescheduleFollowUp', { nextStepId: step.id, when, reason: 'They asked for a new date' });
    expect(moved.status).toBe('open');
    expect(fresh).toMatchObject({ status: 'planned', start: when, purpose: plannedMeeting!.purpose, source: { kind: 'next-step', nextStepId: step.id } });
    expect(fresh!.id).not.toBe(plannedMeeting!.id);
    expect(moved.plannedMeetingId).toBe(fresh!.id);
    expect(moved.history.map((c) => c.action)).toEqual(['missed', 'rescheduled']);
  });

  it('asks for a future date and a reason, under the right field', async () => {
    const { step } = await heldCallWithStep();
    expect(await t.call('rescheduleFollowUp', { nextStepId: step.id, when: iso(T0), reason: 'Holiday' })).toEqual({
      ok: false,
      error: { code: 'invalid', message: 'Pick a new date and time in the future.', fields: { when: 'Pick a new date and time in the future.' } },
    });
    expect(await t.call('rescheduleFollowUp', { nextStepId: step.id, when: iso(T0 + 9 * DAY), reason: '  ' })).toMatchObject({
      ok: false,
      error: { fields: { reason: 'A reason is required.' } },
    });
    expect(await t.call('rescheduleFollowUp', { nextStepId: step.id, when: '', reason: 'Holiday' })).toMatchObject({
      ok: false,
      error: { fields: { when: 'The new date and time is required.' } },
    });
    await t.ok('markFollowUp', { nextStepId: step.id, status: 'done' });
    expect(await t.call('rescheduleFollowUp', { nextStepId: step.id, when: iso(T0 + 9 * DAY), reason: 'Holiday' })).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'This step is already done, so there is nothing to move.' },
    });
  });
});

describe('markReviewed', () => {
  it('remembers the last reviewed day across a restart, never going backwards', async () => {
    t = await openTestCore();
    expect(await t.ok('markReviewed', { day: '2026-11-23', timeZone: 'UTC' })).toEqual({ lastDay: '2026-11-23', at: iso(T0), today: true });
    expect(await t.ok('markReviewed', { day: '2026-11-20', timeZone: 'UTC' })).toMatchObject({ lastDay: '2026-11-23' });
    t = await t.reopen();
    expect((await t.ok('getReviewModes', { timeZone: 'UTC' })).reviewed).toEqual({ lastDay: '2026-11-23', at: iso(T0), today: true });
    t.clock.set(T0 + DAY);
    expect((await t.ok('getReviewModes', { timeZone: 'UTC' })).reviewed.today).toBe(false);
  });

  it('refuses a day still to come, and one that does not exist', async () => {
    t = await openTestCore();
    expect(await t.call('markReviewed', { day: '2026-11-24', timeZone: 'UTC' })).toMatchObject({
      ok: false,
      error: { fields: { day: 'Only today or an earlier day can be marked as reviewed.' } },
    });
    expect(await t.call('markReviewed', { day: '2026-02-30' })).toMatchObject({ ok: false, error: { fields: { day: 'That day does not exist.' } } });
  });
});

describe('older files', () => {
  it('read steps without a history and a document without review memory', async () => {
    const { dataDir } = await openTestCore().then(async (c) => {
      await c.core.close();
      c.clock.dispose();
      return c;
    });
    const doc = emptyDocument();
    const raw = {
      ...doc,
      threads: [{ id: 't1', title: 'Acme', account: 'Acme', contacts: [], status: 'open', createdAt: iso(T0), notes: '' }],
      meetings: [],
      nextSteps: [{ id: 's1', threadId: 't1', fromMeetingId: 'm1', kind: 'task', what: 'Send the deck', when: iso(T0 + DAY), durationMinutes: 30, owner: 'me', purpose: 'Get their numbers', bring: '', agreed: true, status: 'open', createdAt: iso(T0) }],
    };
    writeFileSync(join(dataDir, 'second-step.json'), JSON.stringify(raw));
    t = await openTestCore({ dataDir });
    expect((await t.ok('getState')).notice).toBeNull();
    const modes = await t.ok('getReviewModes', { timeZone: 'UTC' });
    expect(modes.followUps.upcoming).toMatchObject([{ id: 's1', reschedules: 0 }]);
    expect(modes.reviewed.lastDay).toBeNull();
  });
});
