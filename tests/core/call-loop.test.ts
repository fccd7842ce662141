// The whole call loop through the real core and a real data folder: prep -> start -> confirm -> end -> wrap-up.
import { afterEach, describe, expect, it } from 'vitest';
import { discoveryCall, goodStep, iso, minutes, openTestCore, T0, type TestCore } from '../support/core-harness';
import { bytesOnDisk, documentOnDisk } from '../support/on-disk';

let t: TestCore;
afterEach(async () => t?.dispose());

const onDisk = documentOnDisk;

async function endedCall(overrides: Record<string, unknown> = {}) {
  const meeting = await t.ok('createMeeting', discoveryCall(overrides));
  await t.ok('startMeeting', { id: meeting.id });
  await t.ok('endCall', { meetingId: meeting.id });
  return meeting;
}

describe('the call loop', () => {
  it('walks one rep through one call and keeps everything on disk', async () => {
    t = await openTestCore();
    const meeting = await t.ok('createMeeting', discoveryCall());
    expect(meeting.status).toBe('planned');
    expect(meeting.agenda.map((a) => a.text)).toEqual(['Their current routing process', 'Pain points', 'Agree the next step']);

    t.clock.set(T0 + minutes(61));
    await t.ok('startMeeting', { id: meeting.id });
    const live = await t.ok('getLive');
    expect(live?.meeting.purpose).toMatch(/plans routes/);
    expect(live?.thread.account).toBe('Acme Logistics');

    const confirmed = await t.ok('confirmPurpose', { meetingId: meeting.id, kind: 'confirm', result: 'agreed' });
    expect(confirmed.confirmations).toEqual([{ kind: 'confirm', at: iso(T0 + minutes(61)), result: 'agreed' }]);
    await t.ok('setAgendaItemDone', { meetingId: meeting.id, itemId: meeting.agenda[0]!.id, done: true });

    t.clock.set(T0 + minutes(88));
    const ended = await t.ok('endCall', { meetingId: meeting.id });
    expect(ended.status).toBe('wrapping-up');
    expect((await t.ok('getWrapUp'))?.meeting.id).toBe(meeting.id);
    expect(t.core.hasPendingWrapUp()).toBe(true);

    const logged = await t.ok('logNextStep', goodStep(meeting.id));
    expect(t.core.hasPendingWrapUp()).toBe(false);
    expect(await t.ok('getWrapUp')).toBeNull();

    // A demo is a meeting kind: the thread's next meeting is planned, carrying the point and what to bring.
    expect(logged.plannedMeeting).toMatchObject({
      status: 'planned',
      threadId: meeting.threadId,
      start: iso(T0 + minutes(60 * 24 * 7)),
      end: iso(T0 + minutes(60 * 24 * 7 + 30)),
      purpose: 'Show route planning on their depot data',
      bring: 'Sample plan from their depot list',
      stage: 'Demo',
    });
    // …and starts from the stage's agenda, which ends by agreeing the next step.
    expect(logged.plannedMeeting?.agenda.map((a) => a.text)).toEqual([
      'Confirm what they want to see',
      'Demo on their case',
      'Questions and concerns',
      'Agree the next step',
    ]);

    const disk = onDisk(t.dataDir);
    expect(disk.nextSteps).toEqual([logged.step]);
    expect(disk.meetings.find((m) => m.id === meeting.id)?.status).toBe('done');

    t = await t.reopen();
    expect((await t.ok('getReview')).nextSteps).toEqual([logged.step]);
  });

  it('refuses an empty or past next step with plain field messages and keeps the wrap-up pending', async () => {
    t = await openTestCore();
    const meeting = await endedCall();
    const before = bytesOnDisk(t.dataDir);

    const empty = await t.call('logNextStep', { meetingId: meeting.id });
    expect(empty).toMatchObject({ ok: false, error: { code: 'invalid' } });
    if (!empty.ok) expect(Object.keys(empty.error.fields!)).toEqual(expect.arrayContaining(['what', 'when', 'purpose', 'agreed']));

    const past = await t.call('logNextStep', goodStep(meeting.id, { when: iso(T0 - minutes(5)) }));
    expect(past).toMatchObject({ ok: false, error: { fields: { when: expect.stringMatching(/future/) } } });

    expect(bytesOnDisk(t.dataDir)).toEqual(before);
    expect(t.core.hasPendingWrapUp()).toBe(true);
  });

  it('writes the pending wrap-up to disk before asking for the wrap-up window', async () => {
    t = await openTestCore();
    const meeting = await t.ok('createMeeting', discoveryCall());
    await t.ok('startMeeting', { id: meeting.id });
    let statusOnDiskWhenShown: string | undefined;
    t.core.onEvent((event, payload) => {
      if (event === 'window' && 'window' in payload && payload.window === 'wrapup' && payload.action === 'show') {
        statusOnDiskWhenShown = onDisk(t.dataDir).meetings.find((m) => m.id === meeting.id)?.status;
      }
    });
    await t.ok('endCall', { meetingId: meeting.id });
    expect(statusOnDiskWhenShown).toBe('wrapping-up');
  });

  it('holds queued wrap-ups back while another call is live, then clears them in order', async () => {
    t = await openTestCore();
    const first = await endedCall();
    const second = await t.ok('createMeeting', discoveryCall({ title: 'Pricing with Globex', account: 'Globex' }));
    await t.ok('startMeeting', { id: second.id });
    expect(await t.ok('getWrapUp')).toBeNull();
    expect((await t.ok('getLive'))?.waitingWrapUps).toBe(1);

    t.clock.advance(minutes(30));
    await t.ok('endCall', { meetingId: second.id });
    expect(await t.ok('getWrapUp')).toMatchObject({ meeting: { id: first.id }, pending: 2 });
    await t.ok('logNextStep', goodStep(first.id));
    expect(await t.ok('getWrapUp')).toMatchObject({ meeting: { id: second.id }, pending: 1 });
  });

  it('starting the next call ends the running one; its wrap-up waits behind the new call', async () => {
    t = await openTestCore();
    const a = await t.ok('createMeeting', discoveryCall());
    const b = await t.ok('createMeeting', discoveryCall({ title: 'Another' }));
    await t.ok('startMeeting', { id: a.id });
    await t.ok('startMeeting', { id: b.id });
    const review = await t.ok('getReview');
    expect(review.meetings.find((m) => m.id === a.id)?.status).toBe('wrapping-up');
    expect(await t.ok('getWrapUp')).toBeNull();
    expect((await t.ok('getLive'))?.meeting.id).toBe(b.id);
    expect(t.events.at(-2)).toEqual({ event: 'window', payload: { window: 'wrapup', action: 'hide' } });
  });

  it('lets the rep close the deal out instead, with a reason', async () => {
    t = await openTestCore();
    const meeting = await endedCall();
    expect(await t.call('closeOutThread', { meetingId: meeting.id, result: 'not-a-fit', reason: '' })).toMatchObject({
      ok: false,
      error: { fields: { reason: 'A reason is required.' } },
    });
    const thread = await t.ok('closeOutThread', { meetingId: meeting.id, result: 'not-a-fit', reason: 'They route by hand and will not change' });
    expect(thread.status).toBe('not-a-fit');
    expect(t.core.hasPendingWrapUp()).toBe(false);
    expect(onDisk(t.dataDir).threads[0]?.closeOut?.reason).toBe('They route by hand and will not change');
  });

  it('does not gate internal meetings unless the rep asks', async () => {
    t = await openTestCore();
    const meeting = await endedCall({ internal: true });
    expect((await t.ok('getReview')).meetings.find((m) => m.id === meeting.id)?.status).toBe('done');
    expect(t.core.hasPendingWrapUp()).toBe(false);
  });

  it('re-confirming needs a first confirmation; an adjusted purpose replaces the old one', async () => {
    t = await openTestCore();
    const meeting = await t.ok('createMeeting', discoveryCall());
    await t.ok('startMeeting', { id: meeting.id });
    expect(await t.call('confirmPurpose', { meetingId: meeting.id, kind: 'reconfirm', result: 'agreed' })).toMatchObject({ ok: false });
    const adjusted = await t.ok('confirmPurpose', {
      meetingId: meeting.id,
      kind: 'confirm',
      result: 'adjusted',
      adjustedPurpose: 'Agree a pilot scope for one depot',
    });
    expect(adjusted.purpose).toBe('Agree a pilot scope for one depot');
  });

  it('tells every window when the clock jumps', async () => {
    t = await openTestCore();
    t.clock.advance(minutes(5));
    expect(t.events).toContainEqual({ event: 'clock', payload: { now: T0 + minutes(5) } });
    expect((await t.ok('getState')).now).toBeGreaterThanOrEqual(T0 + minutes(5));
  });
});

describe('wrap-up drafts', () => {
  it('keeps what the rep typed across a restart, and drops it once the step is logged', async () => {
    t = await openTestCore();
    const meeting = await endedCall();
    const values = { what: 'Demo with Dana', when: 'tue 3pm', agreed: true };
    await t.ok('saveWrapUpDraft', { meetingId: meeting.id, values });
    t = await t.reopen();
    expect(await t.ok('getWrapUp')).toMatchObject({ meeting: { id: meeting.id }, draft: values });
    await t.ok('logNextStep', goodStep(meeting.id));
    expect((await t.core.store.data).drafts).toEqual([]);
  });

  it('refuses drafts for calls that owe no wrap-up, and oversized drafts', async () => {
    t = await openTestCore();
    const meeting = await t.ok('createMeeting', discoveryCall());
    expect(await t.call('saveWrapUpDraft', { meetingId: meeting.id, values: {} })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const ended = await endedCall();
    const huge = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`f${i}`, 'x']));
    expect(await t.call('saveWrapUpDraft', { meetingId: ended.id, values: huge })).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });
});

describe('overlay prompts', () => {
  async function liveCall() {
    const meeting = await t.ok('createMeeting', discoveryCall());
    t.clock.set(T0 + minutes(60));
    await t.ok('startMeeting', { id: meeting.id });
    return meeting;
  }
  const promptNow = async () => (await t.ok('getLive'))?.prompt?.kind ?? null;

  it('walks confirm -> re-confirm -> ask for the next meeting -> overtime, each answered by "yes"', async () => {
    t = await openTestCore();
    const meeting = await liveCall();
    expect(await promptNow()).toBe('confirm-purpose');
    await t.ok('answerPrompt', { answer: 'yes' });
    expect(await promptNow()).toBeNull();

    t.clock.set(T0 + minutes(75)); // half-way through 10:00–10:30
    expect(await promptNow()).toBe('reconfirm-purpose');
    await t.ok('answerPrompt', { meetingId: meeting.id, answer: 'yes' });
    expect((await t.ok('getLive'))?.meeting.confirmations.map((c) => c.kind)).toEqual(['confirm', 'reconfirm']);

    t.clock.set(T0 + minutes(85));
    expect(await promptNow()).toBe('ask-next-meeting');
    await t.ok('jotNextStep', { text: 'tue 3pm demo with Dana' });
    expect(await promptNow()).toBeNull();

    t.clock.set(T0 + minutes(91));
    expect(await promptNow()).toBe('overtime');
    await t.ok('answerPrompt', { answer: 'yes' });
    expect(await t.ok('getWrapUp')).toMatchObject({ meeting: { id: meeting.id, nextStepJot: 'tue 3pm demo with Dana' } });
  });

  it('a snoozed prompt comes back after the snooze, and every answer is logged with its time', async () => {
    t = await openTestCore();
    await liveCall();
    await t.ok('answerPrompt', { answer: 'snooze' });
    expect(await promptNow()).toBeNull();
    t.clock.advance(minutes(2));
    expect(await promptNow()).toBe('confirm-purpose');
    expect((await t.ok('getLive'))?.meeting.promptAnswers).toEqual([
      { prompt: 'confirm-purpose', answer: 'snoozed', at: iso(T0 + minutes(60)), snoozeMinutes: 2 },
    ]);
  });

  it('wakes the windows when a prompt falls due, without anyone asking', async () => {
    t = await openTestCore();
    await liveCall();
    await t.ok('answerPrompt', { answer: 'yes' });
    const before = t.events.filter((e) => e.event === 'changed').length;
    t.clock.set(T0 + minutes(75));
    expect(t.events.filter((e) => e.event === 'changed').length).toBe(before + 1);
  });

  it('ends a call left running past the hard limit so its wrap-up is not forgotten', async () => {
    t = await openTestCore();
    const meeting = await liveCall();
    t.clock.set(T0 + minutes(90 + 60));
    await new Promise((r) => setTimeout(r, 50)); // the timer's write is async
    expect(t.core.hasPendingWrapUp()).toBe(true);
    expect((await t.ok('getWrapUp'))?.meeting.id).toBe(meeting.id);
    expect(t.events).toContainEqual({ event: 'window', payload: { window: 'wrapup', action: 'show' } });
  });

  it('answering with no call in progress is refused in plain words', async () => {
    t = await openTestCore();
    expect(await t.call('answerPrompt', { answer: 'yes' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: 'There is no call in progress.' },
    });
  });
});

describe('editing a meeting', () => {
  it('changes only the fields sent; the rest (stage, attendees, internal, prep) stay as they were', async () => {
    t = await openTestCore();
    const meeting = await t.ok('createMeeting', discoveryCall({ stage: 'Demo', attendees: ['dana@acme.com'], internal: true }));
    const edited = await t.ok('updateMeeting', { id: meeting.id, title: 'Discovery with Acme (moved)' });
    expect(edited).toMatchObject({
      title: 'Discovery with Acme (moved)',
      stage: 'Demo',
      attendees: ['dana@acme.com'],
      internal: true,
      purpose: meeting.purpose,
      agenda: meeting.agenda,
    });
  });
});

describe('an unplanned call', () => {
  it('starts only with a point, on the open deal with that account', async () => {
    t = await openTestCore();
    const planned = await t.ok('createMeeting', discoveryCall());
    expect(await t.call('startAdHocCall', { account: 'Acme Logistics', purpose: ' ' })).toMatchObject({
      ok: false,
      error: { fields: { purpose: 'The purpose is required.' } },
    });
    const call = await t.ok('startAdHocCall', { account: 'acme logistics', purpose: 'Answer their security questions' });
    expect(call).toMatchObject({ status: 'live', threadId: planned.threadId, purpose: 'Answer their security questions' });
    expect(Date.parse(call.end) - Date.parse(call.start)).toBe(minutes(30));
  });

  it('with an account name at its limit, gets a title cut to fit the store, and its next meeting too', async () => {
    t = await openTestCore();
    const account = `Acme ${'Logistics '.repeat(20)}`.slice(0, 200);
    const call = await t.ok('startAdHocCall', { account, purpose: 'Answer their security questions' });
    expect(call.title).toHaveLength(200);
    expect(call.title).toMatch(/^Call with Acme Logistics Logistics .*…$/);
    await t.ok('endCall', { meetingId: call.id });
    const longWhat = `Security review ${'with their CISO '.repeat(20)}`.slice(0, 300).trim();
    const notes = 'n'.repeat(5000);
    const { plannedMeeting } = await t.ok('logNextStep', goodStep(call.id, { kind: 'demo', what: longWhat, outcome: 'achieved', notes }));
    expect(plannedMeeting?.title).toBe(`${longWhat.slice(0, 199).trimEnd()}…`);
    expect(plannedMeeting?.notes).toMatch(/^Last call \(Call with Acme .*…\): ideal outcome achieved\.\nn+…$/);
    expect(plannedMeeting?.notes).toHaveLength(5000);
  });
});
