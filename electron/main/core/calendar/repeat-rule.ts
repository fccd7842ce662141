// Runs in Node (main and preview). What the sync needs to know about an RRULE before node-ical expands it, read from
// the raw text: does the series end before the window, does it repeat faster than any meeting could (hourly…), and
// can its first date be moved forward? The last one matters for speed: the expander walks every instance from
// DTSTART, so a daily stand-up created ten years ago costs thousands of steps per sync. Moving DTSTART forward by
// whole repeat periods (only for DAILY/WEEKLY rules without COUNT, where that leaves the set of instances unchanged)
// brings it to just before the window.
import { parseProperty, type Property } from './ics-lines';

const DAY = 86_400_000;

export type RuleParts = Map<string, string>;

export function ruleParts(rrule: string): RuleParts {
  const parts: RuleParts = new Map();
  for (const part of rrule.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) parts.set(part.slice(0, eq).trim().toUpperCase(), part.slice(eq + 1).trim().toUpperCase());
  }
  return parts;
}

export const repeatsFasterThanDaily = (parts: RuleParts) => ['SECONDLY', 'MINUTELY', 'HOURLY'].includes(parts.get('FREQ') ?? '');

/** The UTC day number (days since 1970) of a "YYYYMMDD…" value, or undefined. */
export function dayOf(value: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})/.exec(value.trim());
  if (!m) return undefined;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isNaN(ms) ? undefined : Math.floor(ms / DAY);
}

/** True when the rule's UNTIL falls before `day` (a UTC day number): no instance can reach that day. */
export function endsBefore(parts: RuleParts, day: number): boolean {
  const until = parts.get('UNTIL');
  const untilDay = until ? dayOf(until) : undefined;
  return untilDay !== undefined && untilDay < day;
}

const DATE_TIME = /^(\d{4})(\d{2})(\d{2})(T\d{6}Z?)$/;

function shiftValue(value: string, days: number): string | undefined {
  const m = DATE_TIME.exec(value.trim());
  if (!m) return undefined;
  const shifted = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) + days * DAY);
  const ymd = shifted.toISOString().slice(0, 10).replaceAll('-', '');
  return `${ymd}${m[4]}`;
}

/**
 * The event's lines with DTSTART (and DTEND) moved forward by whole repeat periods to just before `fromDay`, when
 * that leaves the rule's instances unchanged; otherwise the lines as they were. Wall-clock times are kept, so a
 * 10:00 Europe/Berlin meeting stays at 10:00 local on both sides of a DST change.
 */
export function startNearWindow(lines: readonly string[], dtstart: Property, parts: RuleParts, fromDay: number): readonly string[] {
  const freq = parts.get('FREQ');
  if ((freq !== 'DAILY' && freq !== 'WEEKLY') || parts.has('COUNT')) return lines;
  const interval = Math.max(1, Number.parseInt(parts.get('INTERVAL') ?? '1', 10) || 1);
  const period = (freq === 'DAILY' ? 1 : 7) * interval;
  const startDay = dayOf(dtstart.value);
  if (startDay === undefined || !DATE_TIME.test(dtstart.value.trim())) return lines;
  const periods = Math.floor((fromDay - startDay) / period);
  if (periods < 2) return lines;
  const days = periods * period;
  let shiftedStart = false;
  const moved = lines.map((line) => {
    const prop = /^(DTSTART|DTEND)[;:]/i.test(line) ? parseProperty(line) : null;
    const value = prop && shiftValue(prop.value, days);
    if (!prop || value === undefined) return line;
    if (prop.name === 'DTSTART') shiftedStart = true;
    return `${line.slice(0, line.length - prop.value.length)}${value}`;
  });
  return shiftedStart ? moved : lines;
}
