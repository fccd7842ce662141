// Runs in tests and benchmarks (Node). A 50,000-event calendar as Google exports it: six years of a busy rep's history
// (single calls spread evenly, ~23 a day) plus weekly series, each with one instance moved near `now`. Used by the
// big-calendar test (it must not freeze the app) and by the calendar benchmark (`npm run bench`).
import { T0 } from './core-harness';

export const BUSY_EVENTS = 50_000;
const DAY = 86_400_000;
const FIRST_DAY = Date.UTC(2021, 0, 4);

const stamp = (ms: number) => new Date(ms).toISOString().replace(/[-:]/g, '').slice(0, 15);
const companies = ['acme.com', 'globex.io', 'initech.com', 'umbrella-corp.co.uk', 'hooli.com', 'stark.com', 'wayne-enterprises.com'];

/** The ICS text (CRLF lines) of `events` events; the moved series instances fall in the week of `now`. */
export function busyCalendar(events = BUSY_EVENTS, now = T0): string {
  const lines = ['BEGIN:VCALENDAR', 'PRODID:-//Google Inc//Google Calendar 70.9054//EN', 'VERSION:2.0', 'X-WR-TIMEZONE:Europe/Berlin'];
  const span = Date.UTC(2026, 11, 31) - FIRST_DAY;
  const series = 200;
  for (let i = 0; i < events - series * 2; i += 1) {
    const start = FIRST_DAY + Math.floor((i / (events - series * 2)) * span / 1_800_000) * 1_800_000;
    const company = companies[i % companies.length]!;
    lines.push(
      'BEGIN:VEVENT',
      `DTSTART:${stamp(start)}Z`,
      `DTEND:${stamp(start + 1_800_000)}Z`,
      `DTSTAMP:20261101T000000Z`,
      `UID:single-${i}@google.com`,
      'ORGANIZER;CN=Robin Rep:mailto:rep@ourco.com',
      `ATTENDEE;CN=Contact ${i};PARTSTAT=ACCEPTED:mailto:contact${i % 500}@${company}`,
      `DESCRIPTION:Call ${i} about the rollout.\\nJoin Zoom Meeting\\nhttps://us02web.zoom.us/j/8${String(i).padStart(9, '0')}`,
      `SUMMARY:Call ${i} with ${company}`,
      'STATUS:CONFIRMED',
      'END:VEVENT',
    );
  }
  for (let s = 0; s < series; s += 1) {
    const first = FIRST_DAY + (s % 5) * DAY + (8 + (s % 8)) * 3_600_000;
    const moved = first + Math.ceil((now - first) / (7 * DAY)) * 7 * DAY;
    lines.push(
      'BEGIN:VEVENT',
      `DTSTART;TZID=Europe/Berlin:${stamp(first)}`,
      `DTEND;TZID=Europe/Berlin:${stamp(first + 1_800_000)}`,
      'RRULE:FREQ=WEEKLY',
      `UID:series-${s}@google.com`,
      `ATTENDEE:mailto:owner${s}@${companies[s % companies.length]}`,
      `SUMMARY:Weekly ${s}`,
      'END:VEVENT',
      'BEGIN:VEVENT',
      `RECURRENCE-ID;TZID=Europe/Berlin:${stamp(moved)}`,
      `DTSTART;TZID=Europe/Berlin:${stamp(moved + 3_600_000)}`,
      `DTEND;TZID=Europe/Berlin:${stamp(moved + 5_400_000)}`,
      `UID:series-${s}@google.com`,
      `SUMMARY:Weekly ${s} (moved)`,
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.join('\r\n');
}
