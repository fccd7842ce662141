// Calendar sync through the real core on a real data folder (Node): files and a real HTTP feed on 127.0.0.1 become
// planned meetings, and every later sync keeps the rep's prep — moved events keep it, cancelled ones raise no
// wrap-up, held meetings are never touched, two calendars make one meeting, our own invites come back as themselves.
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LAST_SYNC_LIMITS, type Meeting } from '../../../shared/domain';
import { REFRESH_INTERVAL_MS } from '../../../electron/main/core/services/calendars';
import { goodStep, iso, minutes, openTestCore, T0, type TestCore } from '../../support/core-harness';
import { dayStamp, etagOf, fixture, servesCalendar, startIcsServer, type IcsServer } from './helpers';

let t: TestCore;
let dir: string;
let server: IcsServer | undefined;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'second-step-calendars-'));
  t = await openTestCore();
  await t.core.store.update((doc) => {
    doc.settings.ownDomains = ['ourco.com'];
  });
});
afterEach(async () => {
  await t.dispose();
  await server?.close();
  server = undefined;
  rmSync(dir, { recursive: true, force: true });
});

const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const meetings = () => t.core.store.data.meetings;
const byTitle = (title: string): Meeting => {
  const found = meetings().filter((m) => m.title === title && m.status !== 'cancelled');
  expect(found, title).toHaveLength(1);
  return found[0]!;
};
const utc = (offset: number, hhmm: string) => {
  const d = dayStamp(T0, offset);
  return `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}T${hhmm.slice(0, 2)}:${hhmm.slice(2)}:00.000Z`;
};

async function addGoogle(name = 'work.ics') {
  const path = write(name, fixture('google-work.ics'));
  const added = await t.ok('addCalendar', { path, label: 'Work' });
  return { path, ...added };
}

/** The Google fixture with the Globex discovery call moved to `start`–`end` (UTC), `dayOffset` days after T0. */
const moveGlobex = (start: string, end: string, dayOffset = 2) =>
  fixture('google-work.ics')
    .replace(`DTSTART:${dayStamp(T0, 2)}T150000Z`, `DTSTART:${dayStamp(T0, dayOffset)}T${start}00Z`)
    .replace(`DTEND:${dayStamp(T0, 2)}T154500Z`, `DTEND:${dayStamp(T0, dayOffset)}T${end}00Z`);

const PREP = {
  purpose: 'Agree the rollout plan for the second depot',
  idealOutcome: 'Dana books the kickoff',
  whyUs: 'Only planner that handles their cross-dock',
  agenda: [{ text: 'Status of depot one' }, { text: 'Second depot scope', minutes: 10 }],
};

describe('adding a calendar', () => {
  it('imports a Google export as planned meetings on the right deal threads', async () => {
    const { calendar, sync } = await addGoogle();
    expect(sync).toMatchObject({ calendarId: calendar.id, label: 'Work', ok: true, imported: 7, updated: 0, cancelled: 0, skipped: 0 });
    expect(sync.message).toMatch(/^“Work” is up to date: 7 events from last week to next month \(7 new, 0 updated, 0 cancelled\)\.$/);

    const weekly = meetings().filter((m) => m.source.kind === 'calendar' && m.source.uid === '7kq3m2v8s1acme0weekly@google.com');
    expect(weekly).toHaveLength(5);
    const acme = t.core.store.data.threads.find((th) => th.id === weekly[0]!.threadId)!;
    expect(acme).toMatchObject({ account: 'Acme', contacts: ['dana@acme.com'], status: 'open' });
    expect(new Set(weekly.map((m) => m.threadId)).size).toBe(1);
    expect(weekly.every((m) => m.status === 'planned' && !m.internal && m.joinUrl === 'https://meet.google.com/abc-defg-hij')).toBe(true);

    const globex = byTitle('Discovery call – Globex');
    expect(globex).toMatchObject({ start: utc(2, '1500'), end: utc(2, '1545'), stage: 'First meeting', internal: false });
    expect(t.core.store.data.threads.find((th) => th.id === globex.threadId)?.account).toBe('Globex');
    expect(byTitle('Pipeline review')).toMatchObject({ internal: true, stage: 'Internal' });

    const [listed] = await t.ok('listCalendars');
    expect(listed).toMatchObject({ id: calendar.id, kind: 'file', enabled: true, lastSync: { ok: true, imported: 7, skipped: 0, at: iso(T0) } });

    // Syncing again changes nothing.
    const [again] = await t.ok('syncCalendars', {});
    expect(again).toMatchObject({ imported: 0, updated: 0, cancelled: 0 });
    expect(meetings()).toHaveLength(7);
  });

  it('refuses a relative path, a missing file, a non-web address and a duplicate in plain words', async () => {
    await expect(t.call('addCalendar', { path: 'work.ics' })).resolves.toMatchObject({
      ok: false,
      error: { fields: { path: expect.stringMatching(/^Use the full path of the \.ics file/) } },
    });
    await expect(t.call('addCalendar', { path: join(dir, 'nope.ics') })).resolves.toMatchObject({
      ok: false,
      error: { fields: { path: 'There is no file at this path.' } },
    });
    await expect(t.call('addCalendar', { url: 'ftp://example.com/cal.ics' })).resolves.toMatchObject({
      ok: false,
      error: { fields: { url: 'Use a web address that starts with https:// (or http://).' } },
    });
    await expect(t.call('addCalendar', {})).resolves.toMatchObject({ ok: false, error: { code: 'invalid' } });
    const { path } = await addGoogle();
    await expect(t.call('addCalendar', { path })).resolves.toMatchObject({
      ok: false,
      error: { code: 'conflict', message: 'This calendar is already added as “Work”.' },
    });
  });
});

describe('syncing never loses prep', () => {
  it('keeps purpose, ideal outcome, agenda and why-us when an event moves', async () => {
    const { path } = await addGoogle();
    const globex = byTitle('Discovery call – Globex');
    await t.ok('updateMeeting', { id: globex.id, ...PREP });

    writeFileSync(path, moveGlobex('1000', '1045', 3));
    const [result] = await t.ok('syncCalendars', {});
    expect(result).toMatchObject({ ok: true, imported: 0, updated: 1, cancelled: 0 });

    const moved = byTitle('Discovery call – Globex');
    expect(moved.id).toBe(globex.id);
    expect(moved).toMatchObject({ start: utc(3, '1000'), end: utc(3, '1045'), ...PREP, agenda: [{ text: 'Status of depot one' }, { text: 'Second depot scope', minutes: 10 }] });
  });

  it('keeps the prep of a repeating meeting when the whole series moves to another hour', async () => {
    const { path } = await addGoogle();
    const tuesday = meetings().find((m) => m.source.kind === 'calendar' && m.start === utc(1, '0900'))!;
    await t.ok('updateMeeting', { id: tuesday.id, ...PREP });

    writeFileSync(path, fixture('google-work.ics').replaceAll('T100000\r\n', 'T110000\r\n').replaceAll('T103000\r\n', 'T113000\r\n'));
    await t.ok('syncCalendars', {});
    const after = meetings().find((m) => m.id === tuesday.id)!;
    expect(after).toMatchObject({ status: 'planned', start: utc(1, '1000'), purpose: PREP.purpose });
    expect(after.source).toMatchObject({ recurrenceId: utc(1, '1000') });
  });

  it('marks a cancelled or deleted event\'s meeting cancelled, deletes nothing and raises no wrap-up', async () => {
    const { path } = await addGoogle();
    const globex = byTitle('Discovery call – Globex');
    await t.ok('updateMeeting', { id: globex.id, purpose: PREP.purpose });
    const pipeline = byTitle('Pipeline review');
    const count = meetings().length;

    const text = fixture('google-work.ics')
      .replace('STATUS:CONFIRMED\r\nSUMMARY:Discovery call – Globex', 'STATUS:CANCELLED\r\nSUMMARY:Discovery call – Globex')
      .replace(/BEGIN:VEVENT\r\n(?:(?!END:VEVENT)[\s\S])*UID:5pipeline0review@google\.com[\s\S]*?END:VEVENT\r\n/, '');
    expect(text).not.toContain('5pipeline0review');
    writeFileSync(path, text);
    const [result] = await t.ok('syncCalendars', {});
    expect(result).toMatchObject({ cancelled: 2, imported: 0 });

    expect(meetings()).toHaveLength(count);
    expect(meetings().find((m) => m.id === globex.id)).toMatchObject({ status: 'cancelled', purpose: PREP.purpose });
    expect(meetings().find((m) => m.id === pipeline.id)?.status).toBe('cancelled');
    expect(await t.ok('getWrapUp')).toBeNull();
    expect(t.core.hasPendingWrapUp()).toBe(false);
  });

  it('brings the prep back when a cancelled event is put back in the calendar', async () => {
    const { path } = await addGoogle();
    const globex = byTitle('Discovery call – Globex');
    await t.ok('updateMeeting', { id: globex.id, ...PREP });
    writeFileSync(path, fixture('google-work.ics').replace('STATUS:CONFIRMED\r\nSUMMARY:Discovery call – Globex', 'STATUS:CANCELLED\r\nSUMMARY:Discovery call – Globex'));
    await t.ok('syncCalendars', {});
    expect(meetings().find((m) => m.id === globex.id)?.status).toBe('cancelled');

    writeFileSync(path, fixture('google-work.ics'));
    const [result] = await t.ok('syncCalendars', {});
    expect(result).toMatchObject({ imported: 1 });
    const back = byTitle('Discovery call – Globex');
    expect(back.id).not.toBe(globex.id); // the cancelled one stays as it was: history is never rewritten
    expect(back).toMatchObject({ status: 'planned', threadId: globex.threadId, purpose: PREP.purpose, whyUs: PREP.whyUs });
    expect(back.agenda.map((a) => a.text)).toEqual(PREP.agenda.map((a) => a.text));
  });

  it('never touches a meeting that is live or already held', async () => {
    const { path } = await addGoogle();
    const globex = byTitle('Discovery call – Globex');
    const weeklyToday = meetings().find((m) => m.start === utc(1, '0900') && m.source.kind === 'calendar')!;
    t.clock.set(Date.parse(weeklyToday.start) + minutes(1));
    await t.ok('startMeeting', { id: weeklyToday.id });
    await t.ok('endCall', { meetingId: weeklyToday.id });
    t.clock.set(Date.parse(globex.start) + minutes(1));
    await t.ok('startMeeting', { id: globex.id });

    // Both events move, and then both vanish.
    const moved = fixture('google-work.ics').replaceAll('T150000Z', 'T170000Z').replaceAll('T100000\r\n', 'T120000\r\n');
    writeFileSync(path, moved);
    await t.ok('syncCalendars', {});
    writeFileSync(path, 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n');
    await t.ok('syncCalendars', {});

    expect(meetings().find((m) => m.id === weeklyToday.id)).toMatchObject({ status: 'wrapping-up', start: weeklyToday.start, end: weeklyToday.end });
    expect(meetings().find((m) => m.id === globex.id)).toMatchObject({ status: 'live', start: globex.start });
  });

  it('makes one meeting of an event two calendars carry, and hands it over when one calendar goes', async () => {
    const first = await addGoogle('mine.ics');
    const second = await addGoogle('shared-copy.ics');
    expect(second.sync).toMatchObject({ imported: 0 });
    expect(meetings()).toHaveLength(7);

    const removed = await t.ok('removeCalendar', { id: first.calendar.id });
    expect(removed).toMatchObject({ removed: { id: first.calendar.id }, cancelled: 0 });
    expect(meetings().every((m) => m.status === 'planned' && m.source.kind === 'calendar' && m.source.calendarId === second.calendar.id)).toBe(true);
  });

  it('recognises an invite Second Step exported itself as that very meeting', async () => {
    const call = await t.ok('createMeeting', {
      account: 'Acme Logistics',
      title: 'Discovery with Acme',
      start: iso(T0 + minutes(60)),
      end: iso(T0 + minutes(90)),
      purpose: 'Learn how Acme plans routes',
    });
    await t.ok('startMeeting', { id: call.id });
    await t.ok('endCall', { meetingId: call.id });
    const logged = await t.ok('logNextStep', goodStep(call.id));
    const planned = logged.plannedMeeting!;
    const { ics } = await t.ok('exportInvite', { nextStepId: logged.step.id });
    const before = meetings().length;

    // The prospect accepted; the rep's calendar now carries the invite, moved by an hour.
    const start = planned.start.replace(/T(\d\d)/, (_, h: string) => `T${String(Number(h) + 1).padStart(2, '0')}`);
    const path = write('with-invite.ics', ics);
    const { sync } = await t.ok('addCalendar', { path });
    expect(meetings()).toHaveLength(before);
    expect(sync.imported).toBe(0);
    expect(meetings().find((m) => m.id === planned.id)).toMatchObject({ status: 'planned', start: planned.start, purpose: planned.purpose });

    const later = (_: string, head: string, h: string) => `${head}${String(Number(h) + 1).padStart(2, '0')}`;
    writeFileSync(path, ics.replace(/(\nDTSTART[^:\n]*:20\d{6}T)(\d\d)/, later).replace(/(\nDTEND[^:\n]*:20\d{6}T)(\d\d)/, later));
    await t.ok('syncCalendars', {});
    expect(meetings()).toHaveLength(before);
    expect(meetings().find((m) => m.id === planned.id)).toMatchObject({ start, source: { kind: 'next-step' } });
  });
});

describe('bad input', () => {
  it('imports the good events of a partly broken file and reports the skipped ones, naming the calendar', async () => {
    const path = write('exported.ics', fixture('broken-garbage.ics'));
    const { sync, calendar } = await t.ok('addCalendar', { path });
    expect(sync).toMatchObject({ ok: true, imported: 2, skipped: 4 });
    expect(sync.message).toMatch(/^“exported” is up to date: 2 events .* Skipped 4 events that could not be read: 1 has no start time \(DTSTART\) on line 15;/);
    expect(calendar.lastSync).toMatchObject({ ok: true, imported: 2, skipped: 4, message: sync.message });
    expect(meetings().map((m) => m.title).sort()).toEqual(['Cyberdyne – follow-up', 'Massive Dynamic – discovery']);
  });

  it('cancels nothing on the word of a cut-off file', async () => {
    const { path } = await addGoogle();
    writeFileSync(path, fixture('google-work.ics').slice(0, fixture('google-work.ics').indexOf('UID:3fj2l0globex')));
    const [result] = await t.ok('syncCalendars', {});
    expect(result).toMatchObject({ ok: true, cancelled: 0 });
    expect(result!.message).toMatch(/cut off/);
    expect(meetings().every((m) => m.status === 'planned')).toBe(true);
  });

  it('keeps the last good meetings when the file goes missing or is not a calendar, and says why', async () => {
    const { path, calendar } = await addGoogle();
    unlinkSync(path);
    const [missing] = await t.ok('syncCalendars', { id: calendar.id });
    expect(missing).toMatchObject({ ok: false, imported: 0, cancelled: 0 });
    expect(missing!.message).toBe(`“Work” could not be synced. There is no file at ${path} any more. Was it moved or renamed? Its meetings from the last good sync are kept.`);
    expect(meetings().filter((m) => m.status === 'planned')).toHaveLength(7);

    t.clock.advance(minutes(5));
    writeFileSync(path, '<html>oops</html>');
    const [garbage] = await t.ok('syncCalendars', { id: calendar.id });
    expect(garbage!.message).toContain('This is not an iCalendar (.ics) calendar');
    const [listed] = await t.ok('listCalendars');
    expect(listed!.lastSync).toMatchObject({ ok: false, at: iso(T0 + minutes(5)), lastSuccessAt: iso(T0), imported: 7 });
    expect(meetings().filter((m) => m.status === 'planned')).toHaveLength(7);
  });
});

describe('web calendars', () => {
  it('downloads with ETag, answers 304 without change, and keeps the last good data while the server fails', async () => {
    server = await startIcsServer();
    let body = fixture('outlook-exchange.ics');
    let status = 200;
    const feed = servesCalendar(() => body);
    server.route('/feed.ics', (req, res) => (status === 200 ? feed(req, res) : void res.writeHead(status).end()));
    const { calendar, sync } = await t.ok('addCalendar', { url: server.url('/feed.ics'), label: 'Outlook' });
    expect(sync).toMatchObject({ ok: true, imported: 9 });
    expect(calendar.lastSync?.etag).toBe(etagOf(body));
    expect(byTitle('Proposal review – Acme')).toMatchObject({ start: utc(2, '0800') });

    const [unchanged] = await t.ok('syncCalendars', {});
    expect(unchanged).toMatchObject({ ok: true, imported: 0, updated: 0 });
    expect(server.requests.at(-1)).toMatchObject({ ifNoneMatch: etagOf(body) });

    t.clock.advance(minutes(1));
    status = 500;
    const [failing] = await t.ok('syncCalendars', {});
    expect(failing!.message).toMatch(/^“Outlook” could not be synced\. 127\.0\.0\.1:\d+ had a problem \(HTTP 500\)\. Second Step will try again later\. Its meetings from the last good sync are kept\.$/);
    expect((await t.ok('listCalendars'))[0]!.lastSync).toMatchObject({ ok: false, lastSuccessAt: iso(T0), etag: etagOf(body) });
    expect(meetings().filter((m) => m.status === 'planned')).toHaveLength(9);

    status = 200;
    body = body.replace(/(DTSTART;TZID=W\. Europe Standard Time:\d{8}T)09/, '$110').replace(/(DTEND;TZID=W\. Europe Standard Time:\d{8}T)10/, '$111');
    const [changed] = await t.ok('syncCalendars', {});
    expect(changed).toMatchObject({ ok: true, updated: 1 });
    expect(byTitle('Proposal review – Acme')).toMatchObject({ start: utc(2, '0900') });
  });

  it('syncs a feed whose ETag is too long to keep: it keeps none and downloads the feed whole next time', async () => {
    server = await startIcsServer();
    const body = fixture('apple-icloud.ics');
    server.route('/odd.ics', servesCalendar(() => body, () => `"${'e'.repeat(LAST_SYNC_LIMITS.etag)}"`));
    const { calendar, sync } = await t.ok('addCalendar', { url: server.url('/odd.ics'), label: 'Odd server' });
    expect(sync).toMatchObject({ ok: true });
    expect(calendar.lastSync).toMatchObject({ ok: true, lastModified: 'Mon, 16 Nov 2026 08:00:00 GMT' });
    expect(calendar.lastSync?.etag).toBeUndefined();

    await t.ok('syncCalendars', { id: calendar.id });
    expect(server.requests.at(-1)?.ifNoneMatch).toBeUndefined();
    expect((await t.ok('listCalendars'))[0]!.lastSync).toMatchObject({ ok: true });
  });

  it('refreshes on an interval on the core clock', async () => {
    server = await startIcsServer();
    let body = fixture('apple-icloud.ics');
    server.route('/apple.ics', servesCalendar(() => body));
    await t.ok('addCalendar', { url: server.url('/apple.ics') });
    const demo = byTitle('Demo for Stark Industries');
    await t.ok('updateMeeting', { id: demo.id, purpose: PREP.purpose });

    body = body.replace('SUMMARY:Demo for Stark Industries', 'SUMMARY:Demo for Stark Industries').replace(/(DTSTART;TZID=America\/New_York:\d{8}T)1030/, '$11130').replace(/(DTEND;TZID=America\/New_York:\d{8}T)1130/, '$11230');
    const requests = server.requests.length;
    t.clock.advance(REFRESH_INTERVAL_MS);
    await vi.waitFor(() => expect(byTitle('Demo for Stark Industries').start).toBe(utc(1, '1630')), { timeout: 5000 });
    expect(server.requests.length).toBe(requests + 1);
    expect(byTitle('Demo for Stark Industries').purpose).toBe(PREP.purpose);
  });

  it('closes promptly with a download in flight', async () => {
    server = await startIcsServer();
    server.route('/slow.ics', () => {}); // never answers
    const added = t.call('addCalendar', { url: server.url('/slow.ics') });
    await vi.waitFor(() => expect(server!.requests.length).toBe(1));
    const began = Date.now();
    await t.core.close();
    expect(Date.now() - began).toBeLessThan(2000);
    await expect(added).resolves.toMatchObject({ ok: true, value: { sync: { ok: false } } });
    t = await openTestCore(); // for afterEach
  });
});

describe('a file calendar', () => {
  it('is watched: a saved change shows up without asking', async () => {
    const { path } = await addGoogle();
    const globex = byTitle('Discovery call – Globex');
    writeFileSync(path, moveGlobex('1430', '1515'));
    await vi.waitFor(() => expect(meetings().find((m) => m.id === globex.id)?.start).toBe(utc(2, '1430')), { timeout: 5000 });
  });

  it('survives a restart and syncs again on start', async () => {
    const { path } = await addGoogle();
    const globex = byTitle('Discovery call – Globex');
    await t.ok('updateMeeting', { id: globex.id, ...PREP });
    t = await t.reopen();
    writeFileSync(path, moveGlobex('1600', '1645'));
    await t.ok('syncCalendars', {});
    expect(meetings().find((m) => m.id === globex.id)).toMatchObject({ start: utc(2, '1600'), end: utc(2, '1645'), purpose: PREP.purpose });
  });

  it('when removed, cancels its future meetings nobody prepared and keeps the prepared ones', async () => {
    const { calendar } = await addGoogle();
    const globex = byTitle('Discovery call – Globex');
    await t.ok('updateMeeting', { id: globex.id, ...PREP });
    const past = meetings().find((m) => m.start < iso(T0))!;
    const { cancelled } = await t.ok('removeCalendar', { id: calendar.id });
    expect(cancelled).toBe(5); // 4 future weekly instances + the pipeline review
    expect(meetings().find((m) => m.id === globex.id)?.status).toBe('planned');
    expect(meetings().find((m) => m.id === past.id)?.status).toBe('planned');
    expect(await t.ok('listCalendars')).toEqual([]);
    await expect(t.call('removeCalendar', { id: calendar.id })).resolves.toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});
