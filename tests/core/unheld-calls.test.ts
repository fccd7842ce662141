// "Did this call happen?": an external call whose end passed unstarted asks — held, a no-show, or moved.
import { afterEach, describe, expect, it } from 'vitest';
import { discoveryCall, goodStep, iso, minutes, openTestCore, T0, type TestCore } from '../support/core-harness';

let t: TestCore;
afterEach(async () => t?.dispose());

async function missedCall(overrides = {}) {
  t = await openTestCore();
  const meeting = await t.ok('createMeeting', discoveryCall(overrides)); // 10:00–10:30 on T0's day
  t.clock.set(T0 + minutes(95));
  return meeting;
}

describe('calls never started', () => {
  it('asks when the end passes, and shows the question in the wrap-up window', async () => {
    t = await openTestCore();
    const meeting = await t.ok('createMeeting', discoveryCall());
    expect(await t.ok('getUnheldCalls')).toEqual([]);
    t.clock.set(T0 + minutes(90));
    expect((await t.ok('getUnheldCalls')).map((u) => u.meeting.id)).toEqual([meeting.id]);
    expect((await t.ok('getState')).unheldCalls).toBe(1);
    expect(t.events).toContainEqual({ event: 'window', payload: { window: 'wrapup', action: 'show' } });
  });

  it('held: its wrap-up is owed as usual', async () => {
    const meeting = await missedCall();
    await t.ok('reportUnheldCall', { meetingId: meeting.id, happened: 'held' });
    expect(await t.ok('getWrapUp')).toMatchObject({ meeting: { id: meeting.id, status: 'wrapping-up' } });
    expect(await t.ok('getUnheldCalls')).toEqual([]);
  });

  it('no-show: owes a reschedule step or a close-out', async () => {
    const meeting = await missedCall();
    await t.ok('reportUnheldCall', { meetingId: meeting.id, happened: 'no-show' });
    expect(t.core.hasPendingWrapUp()).toBe(true);
    await t.ok('logNextStep', goodStep(meeting.id, { what: 'Rescheduled discovery call', kind: 'call' }));
    expect(t.core.hasPendingWrapUp()).toBe(false);
  });

  it('moved: keeps the prep and asks again only after the new time', async () => {
    const meeting = await missedCall();
    const moved = await t.ok('reportUnheldCall', {
      meetingId: meeting.id,
      happened: 'moved',
      start: iso(T0 + minutes(60 * 24)),
      end: iso(T0 + minutes(60 * 24 + 30)),
    });
    expect(moved).toMatchObject({ status: 'planned', purpose: meeting.purpose, agenda: meeting.agenda });
    expect(await t.ok('getUnheldCalls')).toEqual([]);
    expect(await t.call('reportUnheldCall', { meetingId: meeting.id, happened: 'moved', start: iso(T0), end: iso(T0 + minutes(30)) })).toMatchObject({
      ok: false,
    });
  });

  it('internal and cancelled meetings never ask', async () => {
    await missedCall({ internal: true });
    expect(await t.ok('getUnheldCalls')).toEqual([]);
  });
});
