// Runs in Node (main and preview). Turns one parsed event (a series with its exceptions, or a single event) into
// its instances in a time range. Written here rather than with node-ical's expandRecurringEvent because the sync
// needs more: an instance moved INTO the window from outside it, an instance the store already knows even when it
// lies outside the window (so a known meeting is never mistaken for a deleted one), explicit cancellations reported
// rather than silently dropped, and one bad rule costing one event, never the file.
import type { VEvent } from 'node-ical';
import type { SkipReason } from './problems';

export interface Instance {
  /** The instance's original start (ISO, UTC) for a series; undefined for a single event. */
  recurrenceId?: string;
  start: number;
  end: number;
  /** The event that describes it: the series, or the override of this one instance. */
  event: VEvent;
}

export interface Expanded {
  instances: Instance[];
  /** Recurrence ids cancelled one by one ('' for a cancelled single event, '*' for a whole cancelled series). */
  cancelled: string[];
  /** Why the event could not be expanded at all. */
  problem?: SkipReason;
}

export interface Range {
  from: number;
  to: number;
}

const DAY = 86_400_000;
/** A meeting shorter than a day; a timed "event" of a day or more (a conference, a trip) is not a call. */
const MAX_MEETING = DAY;
/** Length given to an event that ends the moment it starts (RFC 5545 allows it; a meeting needs a length). */
const ZERO_LENGTH_DEFAULT = 30 * 60_000;

const validDate = (d: unknown): d is Date => d instanceof Date && !Number.isNaN(d.getTime());
const isAllDay = (e: VEvent) => e.datetype === 'date' || (e.start as { dateOnly?: boolean } | undefined)?.dateOnly === true;
const isCancelled = (e: Pick<VEvent, 'status' | 'method'>) =>
  String(e.status ?? '').toUpperCase() === 'CANCELLED' || String(e.method ?? '').toUpperCase() === 'CANCEL';

/** A day key in UTC, to pair an override with its instance when their times were written in different zones. */
const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function lengthOf(e: VEvent): number | undefined {
  if (!validDate(e.start)) return undefined;
  const length = validDate(e.end) ? e.end.getTime() - e.start.getTime() : 0;
  return length === 0 ? ZERO_LENGTH_DEFAULT : length;
}

/** The overrides (RECURRENCE-ID) of a series; node-ical files each under two keys. */
const overridesOf = (e: VEvent): VEvent[] => [...new Set(Object.values(e.recurrences ?? {}))] as VEvent[];

export function expandEvent(event: VEvent, range: Range, knownIds: ReadonlySet<string>): Expanded {
  if (isAllDay(event)) return { instances: [], cancelled: [] };
  const length = lengthOf(event);
  if (length === undefined) return { instances: [], cancelled: [], problem: 'bad-time' };
  if (length < 0) return { instances: [], cancelled: [], problem: 'ends-before-start' };

  const byId = new Map<string | undefined, Instance>();
  const cancelled: string[] = [];
  if (event.rrule) {
    if (isCancelled(event)) return { instances: [], cancelled: ['*'] };
    const known = [...knownIds].filter(Boolean).map(Date.parse).filter(Number.isFinite);
    const from = Math.min(range.from, ...known) - DAY;
    const to = Math.max(range.to, ...known) + DAY;
    let dates: Date[];
    try {
      dates = event.rrule.between(new Date(from), new Date(to), true);
    } catch {
      return { instances: [], cancelled: [], problem: 'bad-rule' };
    }
    const excluded = new Set(Object.values(event.exdate ?? {}).filter(validDate).map((d) => d.getTime()));
    for (const date of dates) {
      if (excluded.has(date.getTime())) continue;
      byId.set(date.toISOString(), { recurrenceId: date.toISOString(), start: date.getTime(), end: date.getTime() + length, event });
    }
  } else if (event.recurrenceid === undefined) {
    if (isCancelled(event)) return { instances: [], cancelled: [''] };
    byId.set(undefined, { start: event.start.getTime(), end: event.start.getTime() + length, event });
  }

  for (const override of overridesOf(event)) {
    if (!validDate(override.recurrenceid)) continue;
    const recurrenceId = matchingId(byId, override.recurrenceid);
    if (isCancelled(override)) {
      byId.delete(recurrenceId);
      cancelled.push(recurrenceId);
      continue;
    }
    const start = validDate(override.start) ? override.start.getTime() : Date.parse(recurrenceId);
    const overrideLength = lengthOf(override) ?? length;
    byId.set(recurrenceId, { recurrenceId, start, end: start + (overrideLength > 0 ? overrideLength : length), event: override });
  }

  const inRange = (i: Instance) => (i.start >= range.from && i.start <= range.to) || knownIds.has(i.recurrenceId ?? '');
  const instances = [...byId.values()].filter((i) => i.end - i.start < MAX_MEETING && !isAllDay(i.event) && inRange(i));
  return { instances, cancelled };
}

/**
 * The id of the instance an override replaces: its own RECURRENCE-ID when the series has that instance, else the
 * one instance on the same UTC day (Exchange writes RECURRENCE-ID at local midnight or in another zone).
 */
function matchingId(byId: Map<string | undefined, Instance>, recurrenceId: Date): string {
  const exact = recurrenceId.toISOString();
  if (byId.has(exact)) return exact;
  const sameDay = [...byId.keys()].filter((id): id is string => !!id && utcDay(Date.parse(id)) === utcDay(recurrenceId.getTime()));
  return sameDay.length === 1 ? sameDay[0]! : exact;
}
