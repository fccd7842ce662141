// Reading ICS exports as Google, Outlook/Exchange and Apple write them, plus DST edges and broken files (Node, the
// pure parser; no store). Fixtures are hand-written copies of real exports; `{{day+N}}` dates follow the test clock.
import { describe, expect, it } from 'vitest';
import { occurrenceKey, parseCalendar, type CalendarOccurrence } from '../../../electron/main/core/calendar/parse-calendar';
import { T0 } from '../../support/core-harness';
import { dayStamp, fixture, rawFixture } from './helpers';

const at = (stamp: string, hhmm: string) =>
  `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${hhmm.slice(0, 2)}:${hhmm.slice(2, 4)}:00.000Z`;
const day = (offset: number) => dayStamp(T0, offset);
const starts = (occurrences: CalendarOccurrence[], title: string | RegExp) =>
  occurrences.filter((o) => (typeof title === 'string' ? o.title === title : title.test(o.title))).map((o) => o.start);
const one = (occurrences: CalendarOccurrence[], title: string) => {
  const found = occurrences.filter((o) => o.title === title);
  expect(found, title).toHaveLength(1);
  return found[0]!;
};

describe('a Google Calendar export (VTIMEZONE, RRULE with EXDATE, a moved instance)', () => {
  it('is a real-looking export: CRLF line ends and folded long lines', () => {
    const raw = rawFixture('google-work.ics');
    expect(raw).toContain('\r\n');
    expect(raw).toMatch(/\r\n [^\r\n]/);
  });

  it('expands the weekly series at 10:00 Berlin time, skipping the EXDATE and applying the override', async () => {
    const parsed = await parseCalendar(fixture('google-work.ics'), { now: T0 });
    expect(parsed).toMatchObject({ ok: true, skipped: 0, complete: true, message: '' });
    // Tuesdays of the window (T0 is a Monday): the 10:00 CET instances are 09:00 UTC; day+8 is excluded, day+15
    // moved to Wednesday 14:00.
    expect(starts(parsed.occurrences, 'Acme weekly sync')).toEqual([at(day(-6), '0900'), at(day(1), '0900'), at(day(22), '0900'), at(day(29), '0900')]);
    const moved = one(parsed.occurrences, 'Acme weekly sync (moved)');
    expect(moved).toMatchObject({ start: at(day(16), '1300'), end: at(day(16), '1330'), recurrenceId: at(day(15), '0900') });
    expect(moved.joinUrl).toBe('https://meet.google.com/abc-defg-hij');
  });

  it('reads people (without the meeting room) and the Zoom link from LOCATION', async () => {
    const parsed = await parseCalendar(fixture('google-work.ics'), { now: T0 });
    const weekly = parsed.occurrences.find((o) => o.title === 'Acme weekly sync')!;
    expect(weekly.attendees).toEqual(['rep@ourco.com', 'dana@acme.com']);
    expect(weekly.organizer).toBe('rep@ourco.com');
    const globex = one(parsed.occurrences, 'Discovery call – Globex');
    expect(globex).toMatchObject({ start: at(day(2), '1500'), end: at(day(2), '1545') });
    expect(globex.joinUrl).toBe('https://us02web.zoom.us/j/81234567890?pwd=QWxhZGRpbjpvcGVuIHNlc2FtZQ');
    expect(one(parsed.occurrences, 'Pipeline review').attendees).toEqual(['kim@ourco.com', 'rep@ourco.com']);
  });

  it('drops the cancelled event (and reports it), the all-day offsite and events far outside the window', async () => {
    const parsed = await parseCalendar(fixture('google-work.ics'), { now: T0 });
    const titles = parsed.occurrences.map((o) => o.title);
    expect(titles).not.toContain('Initech intro (cancelled)');
    expect(parsed.cancelled).toEqual([occurrenceKey('9zz1cancelled0initech@google.com')]);
    expect(titles).not.toContain('Team offsite');
    expect(titles).not.toContain('An old call long ago');
  });

  it('still expands a known instance outside the window, so a meeting the store holds is never taken for deleted', async () => {
    const uid = '7kq3m2v8s1acme0weekly@google.com';
    const knownKeys = new Set([occurrenceKey(uid, at(day(57), '0900'))]);
    const parsed = await parseCalendar(fixture('google-work.ics'), { now: T0, knownKeys });
    expect(parsed.occurrences.filter((o) => o.uid === uid).map((o) => o.recurrenceId)).toContain(at(day(57), '0900'));
  });
});

describe('an Outlook / Exchange export (Windows zone names, no VTIMEZONE, folded lines, CRLF)', () => {
  it('is CRLF throughout and folds the Teams link in the middle', () => {
    const raw = rawFixture('outlook-exchange.ics');
    expect(raw.split('\n').every((line) => line === '' || line.endsWith('\r'))).toBe(true);
    expect(raw).toMatch(/<https:\/\/teams\.microsoft\.com\/l\/m\r\n /);
  });

  it('maps Windows zone names to the right local times and honours the EXDATE', async () => {
    const parsed = await parseCalendar(fixture('outlook-exchange.ics'), { now: T0 });
    expect(parsed).toMatchObject({ ok: true, skipped: 0, complete: true });
    // W. Europe Standard Time, 09:00 in November (CET) = 08:00 UTC.
    expect(one(parsed.occurrences, 'Proposal review – Acme')).toMatchObject({ start: at(day(2), '0800'), end: at(day(2), '0900') });
    // Pacific Standard Time 08:30 after the US change (PST) = 16:30 UTC; day+7 is excluded.
    expect(starts(parsed.occurrences, 'Initech onboarding weekly')).toEqual([
      at(day(-7), '1630'),
      at(day(0), '1630'),
      at(day(14), '1630'),
      at(day(21), '1630'),
      at(day(28), '1630'),
    ]);
    // Outlook's display label that node-ical would read as a fixed -08:00.
    expect(one(parsed.occurrences, 'Hooli – pricing call').start).toBe(at(day(4), '1700'));
  });

  it('reads "Customized Time Zone" without a VTIMEZONE in the computer\'s own zone, as Outlook meant it', async () => {
    const parsed = await parseCalendar(fixture('outlook-exchange.ics'), { now: T0 });
    const stamp = day(3);
    const local = new Date(Number(stamp.slice(0, 4)), Number(stamp.slice(4, 6)) - 1, Number(stamp.slice(6, 8)), 11, 0);
    expect(one(parsed.occurrences, 'Umbrella Corp – security questionnaire').start).toBe(local.toISOString());
  });

  it('finds the Teams link across folded lines and in X-MICROSOFT-SKYPETEAMSMEETINGURL, Webex in LOCATION', async () => {
    const parsed = await parseCalendar(fixture('outlook-exchange.ics'), { now: T0 });
    const proposal = one(parsed.occurrences, 'Proposal review – Acme');
    expect(proposal.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\/19%3ameeting_NjQ5.*%22%7d$/);
    expect(proposal.attendees).toEqual(['rep@ourco.com', 'dana.fischer@acme.com', 'lee.park@acme.com']);
    expect(parsed.occurrences.find((o) => o.title === 'Initech onboarding weekly')!.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\//);
    expect(one(parsed.occurrences, 'Umbrella Corp – security questionnaire').joinUrl).toMatch(/^https:\/\/ourco\.webex\.com\//);
    expect(one(parsed.occurrences, 'Lunch').attendees).toEqual([]);
  });

  it('keeps a summer meeting in Outlook\'s "(UTC-08:00) Pacific Time" label on daylight time', async () => {
    const ics = [
      'BEGIN:VCALENDAR',
      'BEGIN:VEVENT',
      'UID:summer-pacific',
      'DTSTART;TZID="(UTC-08:00) Pacific Time (US & Canada)":20260715T090000',
      'DTEND;TZID="(UTC-08:00) Pacific Time (US & Canada)":20260715T093000',
      'SUMMARY:Summer call',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const parsed = await parseCalendar(ics, { now: Date.parse('2026-07-14T12:00:00Z') });
    expect(one(parsed.occurrences, 'Summer call').start).toBe('2026-07-15T16:00:00.000Z');
  });
});

describe('an Apple Calendar export', () => {
  it('reads New York times, DURATION, quoted parameters and the Webex / Zoom links', async () => {
    const parsed = await parseCalendar(fixture('apple-icloud.ics'), { now: T0 });
    expect(parsed).toMatchObject({ ok: true, skipped: 0, complete: true });
    expect(one(parsed.occurrences, 'Demo for Stark Industries')).toMatchObject({
      start: at(day(1), '1530'),
      end: at(day(1), '1630'),
      attendees: ['rep@ourco.com', 'pepper@stark.com'],
      joinUrl: 'https://ourco.webex.com/meet/robin.rep',
    });
    expect(one(parsed.occurrences, 'Follow-up with Wayne Enterprises')).toMatchObject({
      start: at(day(2), '1900'),
      end: at(day(2), '1945'),
      joinUrl: 'https://wayne.zoom.us/j/5551234567',
    });
  });
});

describe('a weekly meeting across the DST changes keeps its local wall-clock time (fixed dates)', () => {
  it('in late October (Europe on the 25th, the US on 1 November)', async () => {
    const parsed = await parseCalendar(rawFixture('dst-weekly.ics'), { now: Date.parse('2026-10-20T09:00:00Z') });
    expect(starts(parsed.occurrences, /^Berlin Monday/).slice(0, 3)).toEqual([
      '2026-10-19T08:00:00.000Z', // 10:00 CEST
      '2026-10-26T09:00:00.000Z', // 10:00 CET
      '2026-11-02T09:00:00.000Z',
    ]);
    expect(starts(parsed.occurrences, /^Outlook Tuesday/).slice(1, 3)).toEqual(['2026-10-20T13:00:00.000Z', '2026-10-27T14:00:00.000Z']);
    expect(starts(parsed.occurrences, /^Pacific Wednesday/).slice(2, 4)).toEqual(['2026-10-28T16:00:00.000Z', '2026-11-04T17:00:00.000Z']);
  });

  it('in late March (the US on the 14th, Europe on the 28th)', async () => {
    const parsed = await parseCalendar(rawFixture('dst-weekly.ics'), { now: Date.parse('2027-03-20T09:00:00Z') });
    expect(starts(parsed.occurrences, /^Berlin Monday/).slice(1, 3)).toEqual(['2027-03-22T09:00:00.000Z', '2027-03-29T08:00:00.000Z']);
    expect(starts(parsed.occurrences, /^Outlook Tuesday/).slice(1, 3)).toEqual(['2027-03-23T14:00:00.000Z', '2027-03-30T13:00:00.000Z']);
    expect(starts(parsed.occurrences, /^Pacific Wednesday/)[0]).toBe('2027-03-17T16:00:00.000Z');
  });

  it('expands a weekday stand-up started in 2016 quickly and on the right days', async () => {
    const began = performance.now();
    const parsed = await parseCalendar(rawFixture('dst-weekly.ics'), { now: Date.parse('2027-03-20T09:00:00Z') });
    expect(performance.now() - began).toBeLessThan(2000);
    const standUps = starts(parsed.occurrences, /^Daily stand-up/);
    expect(standUps).toContain('2027-03-26T08:15:00.000Z'); // Friday, 09:15 CET
    expect(standUps).toContain('2027-03-29T07:15:00.000Z'); // Monday, 09:15 CEST
    expect(standUps).not.toContain('2027-03-27T08:15:00.000Z'); // Saturday
  });
});

describe('broken files', () => {
  it('imports the good event of a truncated file and says what was cut off', async () => {
    const parsed = await parseCalendar(fixture('broken-truncated.ics'), { now: T0 });
    expect(parsed.ok).toBe(true);
    expect(parsed.occurrences.map((o) => o.title)).toEqual(['Soylent – intro call']);
    expect(parsed.skipped).toBe(1);
    expect(parsed.complete).toBe(false);
    expect(parsed.message).toMatch(/Skipped 1 event that could not be read: 1 was cut off at the end of the file on line 13\./);
    expect(parsed.message).toMatch(/does not end with END:VCALENDAR/);
  });

  it('imports the good events around garbage lines and counts each broken one with its reason', async () => {
    const parsed = await parseCalendar(fixture('broken-garbage.ics'), { now: T0 });
    expect(parsed.occurrences.map((o) => o.title).sort()).toEqual(['Cyberdyne – follow-up', 'Massive Dynamic – discovery']);
    expect(parsed.skipped).toBe(4);
    expect(parsed.complete).toBe(false);
    expect(parsed.message).toContain('Skipped 4 events that could not be read');
    expect(parsed.message).toContain('1 has no start time (DTSTART) on line 15');
    expect(parsed.message).toContain('1 ends before it starts on line 21');
    expect(parsed.message).toContain('1 has a start or end time that could not be read on line 29');
    expect(parsed.message).toContain('1 has a repeat rule (RRULE) that could not be read on line 36');
    expect(parsed.message).toContain('Ignored 3 lines that are not calendar data.');
  });

  it('refuses what is not a calendar at all, and an empty file, in plain words', async () => {
    await expect(parseCalendar(rawFixture('not-a-calendar.html'), { now: T0 })).resolves.toMatchObject({
      ok: false,
      occurrences: [],
      message: 'This is not an iCalendar (.ics) calendar: it has no BEGIN:VCALENDAR line.',
    });
    await expect(parseCalendar('  \r\n', { now: T0 })).resolves.toMatchObject({ ok: false, message: 'The calendar is empty.' });
  });

  it('skips a rule that repeats faster than a meeting could (hourly) instead of expanding thousands of instances', async () => {
    const ics = ['BEGIN:VCALENDAR', 'BEGIN:VEVENT', 'UID:hourly', `DTSTART:${day(1)}T090000Z`, 'DURATION:PT15M', 'RRULE:FREQ=HOURLY', 'SUMMARY:Ping', 'END:VEVENT', 'END:VCALENDAR'];
    const parsed = await parseCalendar(ics.join('\n'), { now: T0 });
    expect(parsed.occurrences).toEqual([]);
    expect(parsed.message).toContain('1 repeats more often than once a day on line 2');
  });
});
