// Runs in Node (main and preview). First pass over an ICS file: cut it into its time zones and its events, each event
// kept as its own block of lines. node-ical parses a whole file in one go and gives up on the first bad event; cutting
// first lets every good event import while each broken one is counted with the reason ("no start time", "cut off").
// It also lets the next step skip, without parsing, the thousands of events far outside the sync window.
import type { Tick } from './cooperative';
import { contentLines, parseProperty, type Property } from './ics-lines';
import { fixZoneLabels } from './outlook-zones';
import type { Skip } from './problems';

export interface RawEvent {
  /** Line where BEGIN:VEVENT stands. */
  line: number;
  /** Its unfolded lines, BEGIN:VEVENT to END:VEVENT (nested VALARMs included). */
  lines: string[];
  /** '' when the event has none (the parser then derives one). */
  uid: string;
  /** One moved or changed instance of a repeating event. */
  isOverride: boolean;
  dtstart?: Property;
  rrule?: string;
  summary: string;
}

export interface ScannedCalendar {
  sawCalendar: boolean;
  /** END:VCALENDAR was reached: the file is not cut off. */
  complete: boolean;
  /** VTIMEZONE blocks by TZID, in file order. */
  timezones: Map<string, string>;
  events: RawEvent[];
  skips: Skip[];
  /** Lines that are not calendar data at all. */
  ignoredLines: number;
}

const TICK_EVERY = 512;

export async function scanCalendar(text: string, tick: Tick): Promise<ScannedCalendar> {
  const result: ScannedCalendar = {
    sawCalendar: false,
    complete: false,
    timezones: new Map(),
    events: [],
    skips: [],
    ignoredLines: 0,
  };
  /** Open components, outermost first. */
  const stack: string[] = [];
  let event: RawEvent | null = null;
  let zone: { tzid: string; lines: string[] } | null = null;
  let count = 0;

  const closeEvent = () => {
    if (!event) return;
    if (!event.dtstart) result.skips.push({ reason: 'no-start', line: event.line });
    else result.events.push(event);
    event = null;
  };
  const abandonEvent = (reason: Skip['reason']) => {
    if (event) result.skips.push({ reason, line: event.line });
    event = null;
    while (stack.length > 0 && stack.at(-1) !== 'VCALENDAR') stack.pop();
  };

  for (const { text: rawLine, line } of contentLines(text)) {
    if (++count % TICK_EVERY === 0) await tick();
    const lineText = fixZoneLabels(rawLine);
    const prop = parseProperty(lineText);
    if (!prop) {
      if (lineText.trim() !== '') result.ignoredLines += 1;
      continue;
    }
    const component = prop.value.trim().toUpperCase();
    if (prop.name === 'BEGIN') {
      if (component === 'VCALENDAR') {
        result.sawCalendar = true;
        result.complete = false;
      }
      if (component === 'VEVENT') {
        if (event) abandonEvent('not-closed');
        event = { line, lines: [], uid: '', isOverride: false, summary: '' };
      } else if (component === 'VTIMEZONE' && !event) {
        zone = { tzid: '', lines: [] };
      }
      stack.push(component);
    } else if (prop.name === 'END') {
      const open = stack.lastIndexOf(component);
      if (open === -1) {
        result.ignoredLines += 1;
        continue;
      }
      if (component === 'VCALENDAR' && event) abandonEvent('not-closed');
      stack.length = open;
      if (component === 'VCALENDAR') result.complete = true;
    }

    if (event) {
      (event as RawEvent).lines.push(lineText);
      if (stack.at(-1) === 'VEVENT') readEventProperty(event, prop);
      if (prop.name === 'END' && component === 'VEVENT') closeEvent();
    } else if (zone) {
      zone.lines.push(lineText);
      if (prop.name === 'TZID' && stack.at(-1) === 'VTIMEZONE') zone.tzid = prop.value.trim();
      if (prop.name === 'END' && component === 'VTIMEZONE') {
        if (zone.tzid && !result.timezones.has(zone.tzid)) result.timezones.set(zone.tzid, zone.lines.join('\r\n'));
        zone = null;
      }
    }
  }
  if (event) abandonEvent('cut-off');
  return result;
}

function readEventProperty(event: RawEvent, prop: Property): void {
  switch (prop.name) {
    case 'UID':
      event.uid = prop.value.trim();
      break;
    case 'DTSTART':
      event.dtstart ??= prop;
      break;
    case 'RRULE':
      event.rrule = prop.value.trim().toUpperCase();
      break;
    case 'RECURRENCE-ID':
      event.isOverride = true;
      break;
    case 'SUMMARY':
      event.summary = prop.value;
      break;
  }
}
