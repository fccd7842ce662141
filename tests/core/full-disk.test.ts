// A full disk seen from the rep's side (Node, a real core on a temp folder, the disk failing at the store's file
// operations): logging a next step while the disk is full answers calmly that it is kept but not saved yet — never
// "saved" — the review shows it, the notice explains, and the wrap-up stays owed (a crash now reopens it) until the
// retry on the core clock has written the step.
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RETRY_DELAYS_MS } from '../../electron/main/core/store/save-retry';
import { discoveryCall, goodStep, openTestCore, type TestCore } from '../support/core-harness';
import { switchableDisk } from './store/helpers';

const open: TestCore[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((t) => t.dispose()));
});

async function coreOwingAWrapUp() {
  const disk = switchableDisk();
  const t = await openTestCore({ fsOps: disk.ops });
  open.push(t);
  const meeting = await t.ok('createMeeting', discoveryCall());
  await t.ok('startMeeting', { id: meeting.id });
  await t.ok('endCall', { meetingId: meeting.id });
  expect(t.core.hasPendingWrapUp()).toBe(true);
  return { t, disk, meetingId: meeting.id };
}

/** What a crash right now would leave: a second core on a copy of the data folder as it is on disk. */
async function afterACrash(t: TestCore): Promise<TestCore> {
  const copy = mkdtempSync(join(tmpdir(), 'second-step-crash-'));
  cpSync(t.dataDir, copy, { recursive: true });
  const reopened = await openTestCore({ dataDir: copy });
  open.push(reopened);
  return reopened;
}

describe('logging a next step while the disk is full', () => {
  it('is kept and shown, answered "not saved yet", and the wrap-up stays owed until the step is on disk', async () => {
    const { t, disk, meetingId } = await coreOwingAWrapUp();
    disk.failing = 'ENOSPC';
    const events = t.events.length;

    const reply = await t.call('logNextStep', goodStep(meetingId));

    expect(reply).toEqual({
      ok: false,
      error: {
        code: 'not-saved-yet',
        message:
          'Your change is kept, but it is not saved to disk yet (the disk is full). ' +
          'Second Step keeps trying and will tell you once it is saved.',
      },
    });
    const review = await t.ok('getReview');
    expect(review.nextSteps.map((s) => s.fromMeetingId)).toEqual([meetingId]); // visible
    const state = await t.ok('getState');
    expect(state.notice?.kind).toBe('write-failed');
    expect(state.notice?.message).toMatch(/^Second Step could not save your latest changes to disk: the disk is full\. Nothing is lost/);
    expect(t.events.slice(events).map((e) => e.event)).toContain('changed'); // windows refetched and show it

    expect(t.core.hasPendingWrapUp()).toBe(true); // the gate holds: the step is not on disk
    const crashed = await afterACrash(t);
    expect(crashed.core.wrapUpMeetingId()).toBe(meetingId); // a crash now reopens the wrap-up

    disk.failing = null;
    const beforeRetry = t.events.length;
    t.clock.advance(RETRY_DELAYS_MS[0]);
    await new Promise((resolve) => setTimeout(resolve, 20));

    expect(t.core.hasPendingWrapUp()).toBe(false);
    expect((await t.ok('getState')).notice).toBeNull();
    expect(t.events.slice(beforeRetry).map((e) => e.event)).toContain('changed');
    const afterSave = await afterACrash(t);
    expect(afterSave.core.wrapUpMeetingId()).toBeNull();
    expect((await afterSave.ok('getReview')).nextSteps).toHaveLength(1);
  });

  it('keeps the wrap-up of a call ended during the outage owed, in memory and (after the retry) on disk', async () => {
    const disk = switchableDisk();
    const t = await openTestCore({ fsOps: disk.ops });
    open.push(t);
    const meeting = await t.ok('createMeeting', discoveryCall());
    await t.ok('startMeeting', { id: meeting.id });
    disk.failing = 'EACCES';

    expect(await t.call('endCall', { meetingId: meeting.id })).toMatchObject({ ok: false, error: { code: 'not-saved-yet' } });
    expect(t.core.wrapUpMeetingId()).toBe(meeting.id);
    expect(t.core.hasPendingWrapUp()).toBe(true);

    disk.failing = null;
    t.clock.advance(RETRY_DELAYS_MS[0]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await afterACrash(t)).core.wrapUpMeetingId()).toBe(meeting.id);
  });
});
