// Property tests (Node, fast-check): whatever text arrives as a calendar — random bytes, or plausible ICS with
// garbled, missing, duplicated and cut-off lines — reading it never throws, and syncing it never writes a meeting
// the store could not read back, nor one that does not end after it starts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyDocument, StoreDocument, type StoreDocument as Doc } from '../../../shared/domain';
import { parseCalendar } from '../../../electron/main/core/calendar/parse-calendar';
import { reconcile } from '../../../electron/main/core/calendar/reconcile';
import { iso, T0 } from '../../support/core-harness';
import { dayStamp } from './helpers';

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 300);

const stamp = fc.integer({ min: -10, max: 40 }).chain((offset) =>
  fc.constantFrom('T090000Z', 'T093000', 'T235959Z', 'T000000', 'T250000', '').map((time) => `${dayStamp(T0, offset)}${time}`),
);
const dateValue = fc.oneof(
  { arbitrary: stamp, weight: 6 },
  { arbitrary: fc.constantFrom('00010101T000000', '99991231T235959Z', 'tomorrow', '', '2026-11-24T09:00:00Z', '20261324T090000'), weight: 1 },
);
const zoneParam = fc.constantFrom(
  '',
  ';TZID=Europe/Berlin',
  ';TZID=W. Europe Standard Time',
  ';TZID="(UTC-08:00) Pacific Time (US & Canada)"',
  ';TZID=Customized Time Zone',
  ';TZID=Mars/Olympus',
  ';VALUE=DATE',
  ';TZID="unterminated',
);
const rule = fc.constantFrom(
  'FREQ=DAILY;COUNT=3',
  'FREQ=WEEKLY;BYDAY=MO,WE',
  'FREQ=WEEKLY;BYDAY=XX',
  'FREQ=MONTHLY;BYMONTHDAY=31',
  'FREQ=YEARLY;BYMONTH=13',
  'FREQ=DAILY;INTERVAL=0',
  'FREQ=HOURLY',
  'FREQ=DAILY;UNTIL=garbage',
  'FREQ=WEEKLY;UNTIL=20261201T000000Z',
  'COUNT=2',
  '',
);
const text = fc.string({ maxLength: 40 });
const property = fc.oneof(
  fc.tuple(zoneParam, dateValue).map(([z, d]) => `DTSTART${z}:${d}`),
  fc.tuple(zoneParam, dateValue).map(([z, d]) => `DTEND${z}:${d}`),
  fc.tuple(zoneParam, dateValue).map(([z, d]) => `RECURRENCE-ID${z}:${d}`),
  fc.tuple(zoneParam, dateValue).map(([z, d]) => `EXDATE${z}:${d}`),
  fc.constantFrom('DURATION:PT45M', 'DURATION:P', 'DURATION:-PT30M', 'DURATION:P1W'),
  rule.map((r) => `RRULE:${r}`),
  fc.constantFrom('UID:a', 'UID:b', 'UID:c@google.com', 'UID:', 'UID:d'),
  text.map((s) => `SUMMARY:${s}`),
  fc.constantFrom('STATUS:CANCELLED', 'STATUS:CONFIRMED', 'METHOD:CANCEL'),
  fc.constantFrom('ATTENDEE;CN=Dana:mailto:dana@acme.com', 'ATTENDEE:mailto:', 'ORGANIZER:mailto:rep@ourco.com', 'ATTENDEE;CUTYPE=ROOM:mailto:r@x.com'),
  fc.constantFrom('LOCATION:https://acme.zoom.us/j/1', 'DESCRIPTION:https://meet.google.com/abc-defg-hij\\n', 'URL:http://x'),
  fc.constantFrom('BEGIN:VALARM', 'END:VALARM', 'BEGIN:VEVENT', 'END:VEVENT', 'END:VCALENDAR', 'BEGIN:VTIMEZONE', 'END:VTIMEZONE'),
  text.map((s) => ` ${s}`), // a folded continuation
  text, // garbage
);
const event = fc.array(property, { maxLength: 14 }).map((lines) => ['BEGIN:VEVENT', ...lines, 'END:VEVENT']);
const calendar = fc
  .tuple(fc.array(event, { maxLength: 8 }), fc.boolean(), fc.constantFrom('\r\n', '\n', '\r'), fc.option(fc.nat(), { nil: undefined }))
  .map(([events, closed, eol, cut]) => {
    const full = ['BEGIN:VCALENDAR', 'VERSION:2.0', ...events.flat(), ...(closed ? ['END:VCALENDAR'] : [])].join(eol);
    return cut === undefined ? full : full.slice(0, cut % (full.length + 1));
  });

const withOwnDomains = (): Doc => {
  const doc = emptyDocument();
  doc.settings.ownDomains = ['ourco.com'];
  return doc;
};

let ids = 0;
/** Meetings the fuzz made: one that writes none proves nothing. */
let written = 0;
const newId = () => `id-${(ids += 1)}`;

async function syncInto(doc: Doc, ics: string): Promise<void> {
  const parsed = await parseCalendar(ics, { now: T0 });
  for (const o of parsed.occurrences) expect(Date.parse(o.end)).toBeGreaterThan(Date.parse(o.start));
  await reconcile(doc, [{ calendarId: 'cal-1', parsed }], { nowIso: iso(T0), newId });
  written += doc.meetings.length;
  expect(StoreDocument.safeParse(doc).success).toBe(true);
  for (const m of doc.meetings) expect(m.end > m.start && !Number.isNaN(Date.parse(m.start))).toBe(true);
}

describe('garbled calendars', () => {
  it('never throw and never write an unreadable or backwards meeting (plausible ICS, damaged)', async () => {
    await fc.assert(
      fc.asyncProperty(calendar, calendar, async (first, second) => {
        const doc = withOwnDomains();
        await syncInto(doc, first);
        await syncInto(doc, second); // a later sync of the same calendar, just as broken
      }),
      { numRuns: RUNS },
    );
    // Random, so only "something" is certain: a fuzz whose calendars never import a meeting would prove nothing.
    expect(written).toBeGreaterThan(0);
  });

  it('never throw on random text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 400 }), async (garbage) => {
        const parsed = await parseCalendar(garbage, { now: T0 });
        expect(parsed.occurrences.every((o) => o.end > o.start)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
});
