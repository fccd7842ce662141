// Runs in Node (main and preview); the only place node-ical is used. Reads an ICS text into the meetings-to-be of
// the sync window (last 7 days to next 30), never throwing: a file that is not a calendar gives a message and no
// events; a partly broken file gives its good events plus a count and a reason for each skipped one.
//
// The work is cut into small steps with `tick()` between them (see cooperative.ts), and events far outside the
// window are dropped from the raw text before node-ical ever parses them, so a 50,000-event file neither freezes
// the app nor takes long. Each event (a series with its exceptions) is parsed on its own, so one broken event
// costs only itself.
import type * as NodeIcalModule from 'node-ical';
import type { VEvent } from 'node-ical';
import { cooperative, type Tick } from './cooperative';
import { eventDetails } from './event-details';
import { expandEvent, type Range } from './expand-event';
import { normalizeText } from './ics-lines';
import { scanCalendar, type RawEvent, type ScannedCalendar } from './ics-scan';
import { describeProblems, type Skip } from './problems';
import { dayOf, endsBefore, repeatsFasterThanDaily, ruleParts, startNearWindow } from './repeat-rule';

const DAY = 86_400_000;
/** The sync window around "now": meetings of the last week (still to wrap up) and of the next month (to prepare). */
export const SYNC_WINDOW = { pastDays: 7, futureDays: 30 } as const;
/** A start written in any zone is at most 14 h from UTC: two days of margin around the window in raw dates. */
const RAW_DATE_MARGIN_DAYS = 2;

export const syncWindow = (now: number): Range => ({
  from: now - SYNC_WINDOW.pastDays * DAY,
  to: now + SYNC_WINDOW.futureDays * DAY,
});

/** One meeting-to-be: one instance of one calendar event. */
export interface CalendarOccurrence {
  uid: string;
  /** Original start (ISO, UTC) of this instance of a repeating event; absent for a single event. */
  recurrenceId?: string;
  start: string;
  end: string;
  title: string;
  organizer?: string;
  /** Emails, organizer first. */
  attendees: string[];
  joinUrl?: string;
}

export interface ParsedCalendar {
  /** False when the text is not a calendar at all: nothing was read, keep the last good data. */
  ok: boolean;
  occurrences: CalendarOccurrence[];
  /** Events the calendar itself marks cancelled, as occurrence keys (see `occurrenceKey`; '*' = a whole series). */
  cancelled: string[];
  skipped: number;
  /** Nothing skipped and not cut off: an event missing from this calendar was really removed from it. */
  complete: boolean;
  /** Plain sentences for the rep; '' when the file was clean. */
  message: string;
}

/** How the sync matches an event to a meeting: its UID plus, for a repeating event, the instance's recurrence id. */
export const occurrenceKey = (uid: string, recurrenceId?: string) => `${uid}\n${recurrenceId ?? ''}`;

export interface ParseOptions {
  now: number;
  /** Keys of meetings the store already holds: expanded even outside the window, so "missing" means removed. */
  knownKeys?: ReadonlySet<string>;
  tick?: Tick;
}

export async function parseCalendar(text: string, options: ParseOptions): Promise<ParsedCalendar> {
  const tick = options.tick ?? cooperative();
  const body = normalizeText(text);
  if (body.trim() === '') return failed('The calendar is empty.');
  const window = syncWindow(options.now);
  const known = knownIdsByUid(options.knownKeys ?? new Set());
  const scanned = await scanCalendar(body, tick, mayMatter(window, known));
  if (!scanned.sawCalendar) {
    return failed('This is not an iCalendar (.ics) calendar: it has no BEGIN:VCALENDAR line.');
  }
  // Loaded on the first sync, not at start-up (it and its Temporal polyfill are most of a cold start's imports).
  const ical = await loadNodeIcal();
  const skips: Skip[] = [...scanned.skips];
  const occurrences: CalendarOccurrence[] = [];
  const cancelled: string[] = [];

  for (const [uid, group] of groupByUid(scanned.events)) {
    await tick();
    const knownIds = known.get(uid) ?? new Set<string>();
    const lines = relevantLines(group, window, knownIds, skips);
    if (!lines) continue;
    const event = parseGroup(ical, lines, scanned);
    if (!event) {
      // node-ical throws on a rule it cannot read and on duplicate DTSTART/DTEND lines.
      skips.push({ reason: group.some((e) => e.rrule) ? 'bad-rule' : 'unreadable', line: group[0]!.line });
      continue;
    }
    const expanded = quietly(() => expandEvent(event, window, knownIds));
    if (expanded.problem) {
      skips.push({ reason: expanded.problem, line: group[0]!.line });
      continue;
    }
    cancelled.push(...expanded.cancelled.map((id) => (id === '*' ? `${uid}\n*` : occurrenceKey(uid, id || undefined))));
    for (const instance of expanded.instances) {
      if (!storable(instance.start) || !storable(instance.end)) continue;
      occurrences.push({
        uid,
        ...(instance.recurrenceId ? { recurrenceId: instance.recurrenceId } : {}),
        start: new Date(instance.start).toISOString(),
        end: new Date(instance.end).toISOString(),
        ...eventDetails(instance.event, event),
      });
    }
  }
  const complete = skips.length === 0 && scanned.complete;
  return {
    ok: true,
    occurrences,
    cancelled,
    skipped: skips.length,
    complete,
    message: describeProblems({ skips, cutOff: !scanned.complete, ignoredLines: scanned.ignoredLines }),
  };
}

/** An instant the store can hold as an ISO string (a four-digit year). */
const storable = (ms: number) => ms >= Date.UTC(1900, 0, 1) && ms < Date.UTC(10000, 0, 1);

const failed = (message: string): ParsedCalendar => ({ ok: false, occurrences: [], cancelled: [], skipped: 0, complete: false, message });

function knownIdsByUid(keys: ReadonlySet<string>): Map<string, Set<string>> {
  const byUid = new Map<string, Set<string>>();
  for (const key of keys) {
    const cut = key.lastIndexOf('\n');
    const uid = key.slice(0, cut);
    byUid.set(uid, (byUid.get(uid) ?? new Set()).add(key.slice(cut + 1)));
  }
  return byUid;
}

/** Events by UID (a series and its exceptions share one). An event without a UID gets one from its content. */
function groupByUid(events: readonly RawEvent[]): Map<string, RawEvent[]> {
  const groups = new Map<string, RawEvent[]>();
  for (const event of events) {
    const uid = event.uid || `no-uid-${stableHash(`${event.dtstart?.value}|${event.summary}`)}`;
    const group = groups.get(uid);
    if (group) group.push({ ...event, uid });
    else groups.set(uid, [{ ...event, uid }]);
  }
  return groups;
}

/** A short, stable, non-cryptographic hash (FNV-1a) — enough to tell UID-less events apart between syncs. */
function stableHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(36);
}

/** The window in UTC day numbers, widened by the margin a time zone can shift a raw date. */
const rawDays = (window: Range) => ({
  fromDay: Math.floor(window.from / DAY) - RAW_DATE_MARGIN_DAYS,
  toDay: Math.floor(window.to / DAY) + RAW_DATE_MARGIN_DAYS,
});

/**
 * Whether an event, judged on its raw text alone, may give a meeting: a series (its instances may reach the
 * window), an event the store knows, or one dated near the window. An instance override also counts when its
 * ORIGINAL date is near: dropping it would put the instance back where it was before it moved.
 */
function mayMatter(window: Range, known: ReadonlyMap<string, ReadonlySet<string>>): (e: RawEvent) => boolean {
  const { fromDay, toDay } = rawDays(window);
  const near = (value: string | undefined) => {
    const day = value === undefined ? undefined : dayOf(value);
    return value !== undefined && (day === undefined || (day >= fromDay && day <= toDay));
  };
  return (e) => !!e.rrule || known.has(e.uid) || near(e.dtstart?.value) || near(e.recurrenceId);
}

/**
 * The group's lines, ready for node-ical, when it can have an instance worth reading: in the window, or known to
 * the store. Null for an all-day event, an event far from the window, or one that cannot be a meeting (the last
 * is also recorded as a skip).
 */
function relevantLines(group: readonly RawEvent[], window: Range, knownIds: ReadonlySet<string>, skips: Skip[]): string[] | null {
  const base = group.find((e) => e.recurrenceId === undefined);
  if (isAllDayStart(base ?? group[0]!)) return null;
  const { fromDay, toDay } = rawDays(window);
  const known = knownIds.size > 0;
  const parts = base?.rrule ? ruleParts(base.rrule) : undefined;
  if (parts && repeatsFasterThanDaily(parts)) {
    skips.push(...group.map((e) => ({ reason: 'too-frequent' as const, line: e.line })));
    return null;
  }
  const startsNear = group.some((e) => {
    const day = dayOf(e.dtstart!.value);
    return day === undefined || (day >= fromDay && day <= toDay);
  });
  const repeatsIntoWindow = !!parts && !endsBefore(parts, fromDay);
  if (!known && !startsNear && !repeatsIntoWindow) return null;

  const earliestKnown = Math.min(...[...knownIds].filter(Boolean).map((id) => Math.floor(Date.parse(id) / DAY)));
  const expandFromDay = Math.min(fromDay, Number.isFinite(earliestKnown) ? earliestKnown - RAW_DATE_MARGIN_DAYS : fromDay);
  return group.flatMap((e) => (e === base && parts ? startNearWindow(e.lines, e.dtstart!, parts, expandFromDay) : e.lines));
}

const isAllDayStart = (e: RawEvent) => e.dtstart!.params['VALUE']?.toUpperCase() === 'DATE' || /^\d{8}$/.test(e.dtstart!.value.trim());

type NodeIcal = typeof NodeIcalModule;

/** node-ical is CommonJS: under Node its API is the `default` export; a bundler may hand it over as the module. */
async function loadNodeIcal(): Promise<NodeIcal> {
  const loaded = await import('node-ical');
  return (loaded as NodeIcal & { default?: NodeIcal }).default ?? loaded;
}

/** Parses one event (with its exceptions) together with the time zones it names; null when node-ical gives up. */
function parseGroup(ical: NodeIcal, lines: readonly string[], scanned: ScannedCalendar): VEvent | null {
  const text = ['BEGIN:VCALENDAR', ...zonesFor(lines, scanned.timezones), ...lines, 'END:VCALENDAR'].join('\r\n');
  try {
    const parsed = quietly(() => ical.sync.parseICS(text));
    return Object.values(parsed).find((c): c is VEvent => (c as { type?: string } | undefined)?.type === 'VEVENT') ?? null;
  } catch {
    return null;
  }
}

/**
 * Runs synchronous node-ical work with its console.warn silenced: it warns about every odd line of a broken file,
 * which would flood the app's log; the sync reports those problems to the rep itself. Safe to swap because nothing
 * else can run until `work` returns.
 */
function quietly<T>(work: () => T): T {
  const warn = console.warn;
  console.warn = () => {};
  try {
    return work();
  } finally {
    console.warn = warn;
  }
}

/** The VTIMEZONE blocks the lines refer to, and the file's first one (node-ical reads floating times in it). */
function zonesFor(lines: readonly string[], timezones: ReadonlyMap<string, string>): string[] {
  if (timezones.size === 0) return [];
  const text = lines.join('\n');
  const named = [...timezones].filter(([tzid]) => text.includes(tzid)).map(([, block]) => block);
  const first = timezones.values().next().value!;
  return named.includes(first) ? named : [first, ...named];
}
