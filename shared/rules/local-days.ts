// Runs everywhere (core and renderer). Calendar days as the rep lives them: "today", "tomorrow", "overdue", "this
// week" are days in the rep's own time zone, not UTC days and not 24-hour blocks — a day across a DST change lasts
// 23 or 25 hours, and a step due "Tuesday" is due all of the rep's Tuesday. Days are plain `YYYY-MM-DD` keys: they
// sort as text, compare as text and step by calendar arithmetic, so DST never enters any comparison.
//
// Only one question needs the time-zone database: "what is the wall clock at this instant?" (Intl). Its answer, the
// zone's offset, is cached per hour, because a year of meetings asks it thousands of times.

/** A calendar day, `YYYY-MM-DD`. */
export type DayKey = string;

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** The zone this process runs in (the rep's, on their own machine). */
export const systemTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** True for a zone name Intl knows ("Europe/Berlin", "UTC"); false for anything else. */
export function isValidTimeZone(timeZone: string): boolean {
  if (!timeZone || timeZone.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A small memo for pure day arithmetic: a year of meetings asks about the same few hundred days thousands of times. */
function memo<K, V>(compute: (key: K) => V): (key: K) => V {
  const cache = new Map<K, V>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      if (cache.size > 50_000) cache.clear();
      cache.set(key, (value = compute(key)));
    }
    return value;
  };
}

/** The day key of a UTC day number (days since 1970-01-01). */
const dayKeyOfNumber = memo((dayNumber: number): DayKey => {
  const d = new Date(dayNumber * DAY_MS);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
});

/** The day key of a UTC calendar date (the UTC fields of `ms`). */
const utcDayKey = (ms: number): DayKey => dayKeyOfNumber(Math.floor(ms / DAY_MS));

/** Midnight UTC of a day key: the base of calendar arithmetic (never an instant in the rep's zone). */
const dayUtc = memo((day: DayKey): number => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))));

export const addDays = (day: DayKey, days: number): DayKey => utcDayKey(dayUtc(day) + days * DAY_MS);

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). A DST day still counts as one. */
export const daysBetween = (from: DayKey, to: DayKey): number => Math.round((dayUtc(to) - dayUtc(from)) / DAY_MS);

/** 0 = Monday … 6 = Sunday (ISO). */
export const isoWeekday = (day: DayKey): number => (new Date(dayUtc(day)).getUTCDay() + 6) % 7;

/** The ISO week a day belongs to, as `YYYY-Www` (the year is the ISO week-numbering year: 29 Dec may be W01). */
export const isoWeekKey = memo((day: DayKey): string => {
  const thursday = dayUtc(day) + (3 - isoWeekday(day)) * DAY_MS;
  const year = new Date(thursday).getUTCFullYear();
  const week = 1 + Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * DAY_MS));
  return `${year}-W${pad(week)}`;
});

/** The Monday that starts a day's ISO week. */
export const isoWeekStart = (day: DayKey): DayKey => addDays(day, -isoWeekday(day));

export const monthKey = (day: DayKey): string => day.slice(0, 7);
export const monthStart = (day: DayKey): DayKey => `${day.slice(0, 7)}-01`;
export const nextMonthStart = (day: DayKey): DayKey => {
  const d = new Date(dayUtc(monthStart(day)));
  return utcDayKey(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
};

/** A zone's calendar: day keys of instants and instants of wall-clock times, with the offsets cached. */
export interface LocalCalendar {
  readonly timeZone: string;
  /** The wall clock's offset from UTC at an instant, in ms (+1 h in Berlin in winter). */
  offset(ms: number): number;
  /** The rep's calendar day at an instant. */
  dayOf(ms: number): DayKey;
  /** The instant a day starts (usually 00:00; the end of the gap where the zone skips midnight). */
  startOf(day: DayKey): number;
  /** The instant of a wall-clock time on a day; a time the zone skips (spring forward) moves on by the gap. */
  at(day: DayKey, hour: number, minute?: number): number;
}

function exactOffset(format: Intl.DateTimeFormat, ms: number): number {
  const whole = Math.floor(ms / 1000) * 1000;
  const f: Record<string, number> = {};
  for (const part of format.formatToParts(whole)) if (part.type !== 'literal') f[part.type] = Number(part.value);
  const wall = Date.UTC(f.year!, f.month! - 1, f.day!, f.hour === 24 ? 0 : f.hour!, f.minute!, f.second!);
  return wall - whole;
}

function createCalendar(timeZone: string): LocalCalendar {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  // Offset at the start of each UTC hour. Zones change offset at most once within an hour, so when an hour starts
  // and ends on the same offset, every instant inside it has that offset; otherwise ask Intl for the exact instant.
  const byHour = new Map<number, number>();
  const hourOffset = (hour: number) => {
    let offset = byHour.get(hour);
    if (offset === undefined) {
      if (byHour.size > 100_000) byHour.clear();
      byHour.set(hour, (offset = exactOffset(format, hour * HOUR_MS)));
    }
    return offset;
  };
  const offset = (ms: number) => {
    const hour = Math.floor(ms / HOUR_MS);
    const start = hourOffset(hour);
    return start === hourOffset(hour + 1) ? start : exactOffset(format, ms);
  };
  const at = (day: DayKey, hour: number, minute = 0) => {
    const wall = dayUtc(day) + hour * HOUR_MS + minute * 60_000;
    // Two rounds settle on the offset in force at that wall time; in a gap the earlier offset moves it past the gap.
    const first = wall - offset(wall - offset(wall));
    return wall - offset(first) === first ? first : wall - offset(wall - DAY_MS);
  };
  const dayOf = (ms: number) => utcDayKey(ms + offset(ms));
  return {
    timeZone,
    offset,
    dayOf,
    at,
    // Where a zone skips midnight (Santiago, Beirut), `at` moves 00:00 on to the end of the gap: the day's first instant.
    startOf: (day) => at(day, 0),
  };
}

const calendars = new Map<string, LocalCalendar>();

/** The calendar of a zone (default: this process's), shared so its offset cache is reused. */
export function localCalendar(timeZone: string = systemTimeZone()): LocalCalendar {
  let calendar = calendars.get(timeZone);
  if (!calendar) calendars.set(timeZone, (calendar = createCalendar(timeZone)));
  return calendar;
}
