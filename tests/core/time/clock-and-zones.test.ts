// Time that misbehaves (Node, a real core on a temp folder): the clock set back in the middle of a call, calls across
// both daylight-saving changes of the night, and the rep's time zone changing mid-day — in a child process whose TZ
// switches between steps, then a restart in yet another zone. None of it may corrupt the prompts, the wrap-up gate,
// the review, or the instants on disk.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { StoreDocument } from '../../../shared/domain';
import { bundleChild, type BundledChild } from '../../support/bundle-child';
import { discoveryCall, goodStep, minutes, openTestCore, T0, type TestCore } from '../../support/core-harness';
import type { Seen, Step } from './zone-child';

const open: TestCore[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((t) => t.dispose()));
});
const core = async (now = T0) => {
  const t = await openTestCore({ now });
  open.push(t);
  return t;
};
const promptOf = async (t: TestCore) => (await t.ok('getLive'))?.prompt?.kind ?? null;

describe('the clock set back during a call', () => {
  it('keeps asking for the purpose, ends the call at its hard limit, and keeps the wrap-up owed until a step is logged', async () => {
    const t = await core();
    const meeting = await t.ok('createMeeting', discoveryCall()); // T0 + 1 h, 30 minutes
    await t.ok('startMeeting', { id: meeting.id });

    t.clock.set(T0 - minutes(120)); // two hours back
    expect(await promptOf(t)).toBe('confirm-purpose');
    await t.ok('answerPrompt', { answer: 'yes' });
    expect(await promptOf(t)).toBeNull();

    t.clock.set(T0 + minutes(75)); // back to normal, half-way through
    expect(await promptOf(t)).toBe('reconfirm-purpose');
    t.clock.set(T0 + minutes(86));
    expect(await promptOf(t)).toBe('ask-next-meeting');

    t.clock.set(T0 + minutes(90 + 60)); // the hard limit passes: the core ends the call itself
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(t.core.wrapUpMeetingId()).toBe(meeting.id);

    t.clock.set(T0 - minutes(600)); // and back again, ten hours
    expect(t.core.hasPendingWrapUp()).toBe(true);
    expect((await t.ok('getWrapUp'))?.meeting.id).toBe(meeting.id);
    await t.ok('logNextStep', goodStep(meeting.id));
    expect(t.core.hasPendingWrapUp()).toBe(false);

    const reopened = await t.reopen();
    open.push(reopened);
    expect(StoreDocument.safeParse(reopened.core.store.data).success).toBe(true);
    expect(reopened.core.store.notice).toBeNull();
    expect((await reopened.ok('getReview')).nextSteps).toHaveLength(1);
  });
});

describe('daylight saving time (Europe/Berlin, 2026)', () => {
  it.each([
    // Clocks go back at 03:00 to 02:00: this call lasts 1 h 45, not 45 minutes.
    ['the autumn night', '2026-10-25T01:30:00+02:00', '2026-10-25T02:15:00+01:00', 105],
    // Clocks go forward at 02:00 to 03:00: this call lasts one hour, not two.
    ['the spring night', '2026-03-29T01:30:00+01:00', '2026-03-29T03:30:00+02:00', 60],
  ])('%s: a call is stored in UTC, prompts at its real half-way and five minutes before its real end', async (_, start, end, length) => {
    const begins = Date.parse(start);
    const t = await core(begins);
    const meeting = await t.ok('createMeeting', discoveryCall({ start, end }));
    expect(meeting.start).toBe(new Date(begins).toISOString()); // one form on disk: UTC
    expect(Date.parse(meeting.end) - begins).toBe(minutes(length));
    await t.ok('startMeeting', { id: meeting.id });
    await t.ok('answerPrompt', { answer: 'yes' });

    t.clock.set(begins + minutes(length / 2) - 1);
    expect(await promptOf(t)).toBeNull();
    t.clock.set(begins + minutes(length / 2));
    expect(await promptOf(t)).toBe('reconfirm-purpose');
    await t.ok('answerPrompt', { answer: 'yes' });
    t.clock.set(begins + minutes(length - 5));
    expect(await promptOf(t)).toBe('ask-next-meeting');

    const review = await t.ok('getReviewModes', { timeZone: 'Europe/Berlin' });
    expect(review.today.day).toBe(start.slice(0, 10));
    expect(review.today.calls.map((c) => c.meetingId)).toEqual([meeting.id]);
  });

  it('orders meetings by instant, whatever offset they were given in', async () => {
    const t = await core(Date.parse('2026-10-25T00:00:00Z'));
    // 01:30 summer time is 23:30 UTC the day before; 00:45 UTC is after it, though "2026-10-25T00:45" sorts first.
    const early = await t.ok('createMeeting', discoveryCall({ title: 'Early', start: '2026-10-25T01:30:00+02:00', end: '2026-10-25T01:50:00+02:00' }));
    const later = await t.ok('createMeeting', discoveryCall({ title: 'Later', start: '2026-10-25T00:45:00Z', end: '2026-10-25T02:15:00+01:00' }));
    expect((await t.ok('getReview')).meetings.map((m) => m.id)).toEqual([early.id, later.id]);
  });
});

describe('the time zone changing mid-day', () => {
  let child: BundledChild;
  let dataDir: string;
  beforeAll(async () => {
    child = await bundleChild(join(import.meta.dirname, 'zone-child.ts'));
  });
  afterAll(() => child.dispose());
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  const run = (tz: string, now: number, steps: Step[]): Seen[] =>
    JSON.parse(
      execFileSync(process.execPath, [child.script, dataDir, JSON.stringify({ now, steps })], {
        env: { ...process.env, TZ: tz },
        encoding: 'utf8',
      }),
    );
  const localDay = (ms: number, timeZone: string) =>
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms);

  it('keeps every instant, prompt and owed wrap-up; the review follows the new zone; a restart elsewhere rewrites nothing', () => {
    dataDir = mkdtempSync(join(tmpdir(), 'second-step-zones-'));
    const at = (hhmm: string) => Date.parse(`2026-11-23T${hhmm}:00Z`);
    const plan = { account: 'Acme', title: 'Discovery', start: '2026-11-23T15:30:00Z', end: '2026-11-23T16:30:00Z' };

    // The rep starts the day in New York; their laptop moves to Berlin, then to Tokyo, while the app runs.
    const [planned] = run('America/New_York', at('15:00'), [{ call: { method: 'createMeeting', input: plan } }]) as [Seen];
    const id = planned.meetings[0]!.id;
    const moved = run('America/New_York', at('15:30'), [
      { call: { method: 'startMeeting', input: { id } } },
      { tz: 'Europe/Berlin' },
      { at: at('15:40'), call: { method: 'answerPrompt', input: { answer: 'yes' } } },
      { at: at('16:00'), tz: 'Asia/Tokyo' },
      { at: at('16:26') },
      { at: at('16:31'), call: { method: 'endCall', input: { meetingId: id } } },
      { call: { method: 'logNextStep', input: { ...goodStep(id), when: '2026-11-25T10:00:00+09:00' } } },
    ]);
    const [started, berlin, , tokyo, askNext, ended, logged] = moved as [Seen, Seen, Seen, Seen, Seen, Seen, Seen];

    expect([started.zone, berlin.zone, tokyo.zone]).toEqual(['America/New_York', 'Europe/Berlin', 'Asia/Tokyo']);
    expect([started.localHour, berlin.localHour]).toEqual([10, 16]); // the same instant, read in two zones
    // Prompts are instants: the zone does not move them.
    expect([started.prompt, berlin.prompt]).toEqual(['confirm-purpose', 'confirm-purpose']);
    expect(berlin.promptDueAt).toBe(started.promptDueAt);
    expect([tokyo.prompt, tokyo.promptDueAt]).toEqual(['reconfirm-purpose', at('16:00')]);
    expect([askNext.prompt, askNext.promptDueAt]).toEqual(['ask-next-meeting', at('16:25')]);
    // The wrap-up gate: owed after the call, settled by the step, in whatever zone.
    expect(ended.wrapUp).toBe(id);
    expect(logged.wrapUp).toBeNull();
    expect(logged.steps).toEqual([{ when: '2026-11-25T01:00:00.000Z' }]); // Tokyo's 10:00, stored in UTC
    // The stored instants never moved.
    for (const seen of moved) expect(seen.meetings[0]).toMatchObject({ start: '2026-11-23T15:30:00.000Z', end: '2026-11-23T16:30:00.000Z' });
    // The review's "today" is the rep's current local day.
    expect(started.today).toEqual({ day: localDay(at('15:30'), 'America/New_York'), titles: ['Discovery'] });
    expect(tokyo.today).toEqual({ day: localDay(at('16:00'), 'Asia/Tokyo'), titles: ['Discovery'] }); // 00:30 on the 24th there

    // A restart in Auckland, the next morning there: everything as it was; opening changed nothing stored.
    const [restarted] = run('Pacific/Auckland', at('20:00'), [{}]) as [Seen];
    expect(restarted.meetings).toEqual(logged.meetings);
    expect(restarted.steps).toEqual(logged.steps);
    expect(restarted.wrapUp).toBeNull();
    expect(restarted.fileSha).toBe(logged.fileSha);
    expect(restarted.today.day).toBe(localDay(at('20:00'), 'Pacific/Auckland'));
  });
});
