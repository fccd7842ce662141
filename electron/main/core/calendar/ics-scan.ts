// Runs in Node (main and preview). First pass over an ICS file: cut it into its time zones and its events, each event
// kept as its own block of lines. node-ical parses a whole file in one go and gives up on the first bad event; cutting
// first lets every good event import while each broken one is counted with the reason ("no start time", "cut off").
// It also lets the caller drop, without parsing or even keeping them, the thousands of events far outside the sync
// window: a 50,000-event file then holds only the few hundred events that matter in memory.
import type { Tick } from './cooperative';
import { contentLines, parseProperty, propertyName, type Property } from './ics-lines';
import { fixZoneLabels } from './outlook-zones';
import type { Skip } from './problems';

export interface RawEvent {
  /** Line where BEGIN:VEVENT stands. */
  line: number;
  /** Its unfolded lines, BEGIN:VEVENT to END:VEVENT (nested VALARMs included). */
  lines: string[];
  /** '' when the event has none (the parser then derives one). */
  uid: string;
  /** The RECURRENCE-ID value of one moved or changed instance of a repeating event. */
  recurrenceId?: string;
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

/** Says whether a complete, readable event is worth keeping (see parse-calendar's window). */
export type KeepEvent = (event: RawEvent) => boolean;

const TICK_EVERY = 512;
/** The only properties the scan reads; every other line is passed through untouched (and unparsed: it is faster). */
const READ = new Set(['BEGIN', 'END', 'UID', 'DTSTART', 'RRULE', 'RECURRENCE-ID', 'SUMMARY', 'TZID']);

export async function scanCalendar(text: string, tick: Tick, keep: KeepEvent = () => true): Promise<ScannedCalendar> {
  const result: ScannedCalendar = { sawCalendar: false, complete: false, timezones: new Map(), events: [], skips: [], ignoredLines: 0 };
  /** Open components, outermost first. */
  const stack: string[] = [];
  let event: RawEvent | null = null;
  let zone: { tzid: string; lines: string[] } | null = null;
  let count = 0;

  const abandon = (open: RawEvent, reason: Skip['reason']) => {
    result.skips.push({ reason, line: open.line });
    event = null;
    while (stack.length > 0 && stack.at(-1) !== 'VCALENDAR') stack.pop();
  };

  for (const { text: rawLine, line } of contentLines(text)) {
    if (++count % TICK_EVERY === 0) await tick();
    const name = propertyName(rawLine);
    if (name === null) {
      if (rawLine.trim() !== '') result.ignoredLines += 1;
      continue;
    }
    const lineText = fixZoneLabels(rawLine);
    const prop = READ.has(name) ? parseProperty(lineText) : null;
    if (READ.has(name) && !prop) {
      result.ignoredLines += 1;
      continue;
    }
    const component = name === 'BEGIN' || name === 'END' ? prop!.value.trim().toUpperCase() : '';
    if (name === 'BEGIN') {
      if (component === 'VCALENDAR') {
        result.sawCalendar = true;
        result.complete = false;
      }
      if (component === 'VEVENT') {
        if (event) abandon(event, 'not-closed');
        event = { line, lines: [], uid: '', summary: '' };
      } else if (component === 'VTIMEZONE' && !event) {
        zone = { tzid: '', lines: [] };
      }
      stack.push(component);
    } else if (name === 'END') {
      const open = stack.lastIndexOf(component);
      if (open === -1) {
        result.ignoredLines += 1;
        continue;
      }
      if (component === 'VCALENDAR' && event) abandon(event, 'not-closed');
      stack.length = open;
      if (component === 'VCALENDAR') result.complete = true;
    }

    const current: RawEvent | null = event;
    if (current) {
      current.lines.push(lineText);
      if (prop && stack.at(-1) === 'VEVENT') readEventProperty(current, prop);
      if (name === 'END' && component === 'VEVENT') {
        if (!current.dtstart) result.skips.push({ reason: 'no-start', line: current.line });
        else if (keep(current)) result.events.push(current);
        event = null;
      }
    } else if (zone) {
      zone.lines.push(lineText);
      if (name === 'TZID' && prop && stack.at(-1) === 'VTIMEZONE') zone.tzid = prop.value.trim();
      if (name === 'END' && component === 'VTIMEZONE') {
        if (zone.tzid && !result.timezones.has(zone.tzid)) result.timezones.set(zone.tzid, zone.lines.join('\r\n'));
        zone = null;
      }
    }
  }
  if (event) abandon(event, 'cut-off');
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
      event.recurrenceId = prop.value.trim();
      break;
    case 'SUMMARY':
      event.summary = prop.value;
      break;
  }
}
