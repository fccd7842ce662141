// Runs in the renderer. Dates and durations for people: Intl in the rep's own locale and time zone (the defaults),
// with the weekday for anything within two weeks. Also the bridge between ISO instants and `datetime-local` inputs.
const DAY = 86_400_000;
const TWO_WEEKS = 14 * DAY;

export interface FormatOptions {
  /** Defaults to the rep's locale. */
  locale?: string | string[];
  /** Defaults to the rep's time zone. */
  timeZone?: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(options: Intl.DateTimeFormatOptions, { locale, timeZone }: FormatOptions): Intl.DateTimeFormat {
  const key = JSON.stringify([locale ?? null, timeZone ?? null, options]);
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.DateTimeFormat(locale, { ...options, ...(timeZone ? { timeZone } : {}) })));
  return f;
}

const toDate = (value: string | number | Date): Date => (value instanceof Date ? value : new Date(value));

/**
 * "Tue 25 Nov, 15:00" within two weeks of `now` (either way); "3 Feb, 15:00" further out; the year is added when it
 * differs from `now`'s. `weekday: 'long'` gives "Tuesday 25 Nov, 15:00".
 */
export function formatWhen(
  value: string | number | Date,
  now: number,
  options: FormatOptions & { weekday?: 'short' | 'long'; alwaysWeekday?: boolean; time?: boolean; seconds?: boolean } = {},
): string {
  const date = toDate(value);
  if (Number.isNaN(date.getTime())) return '';
  const near = options.alwaysWeekday || Math.abs(date.getTime() - now) < TWO_WEEKS;
  const year = formatter({ year: 'numeric' }, options);
  const sameYear = year.format(date) === year.format(now);
  return formatter(
    {
      ...(near ? { weekday: options.weekday ?? 'short' } : {}),
      day: 'numeric',
      month: 'short',
      ...(sameYear ? {} : { year: 'numeric' }),
      ...(options.time === false ? {} : { hour: '2-digit', minute: '2-digit', ...(options.seconds ? { second: '2-digit' } : {}) }),
    },
    options,
  ).format(date);
}

/** The time of day, "15:00" (or "3:00 PM" where that is the custom). */
export const formatTime = (value: string | number | Date, options: FormatOptions = {}): string =>
  formatter({ hour: '2-digit', minute: '2-digit' }, options).format(toDate(value));

/** A stopwatch reading: "4:05", "12:04", "1:02:09". Negative durations read as zero. */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`;
}

/** Whole minutes between two instants (a meeting's planned length). */
export const minutesBetween = (start: string, end: string): number =>
  Math.max(0, Math.round((Date.parse(end) - Date.parse(start)) / 60_000));

/** "1 item", "3 items". */
export const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

const pad2 = (n: number) => String(n).padStart(2, '0');

/** An instant as the value of a `datetime-local` input, in the rep's time zone: "2025-11-25T15:00". */
export function toLocalInput(value: string | number | Date): string {
  const d = toDate(value);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())}T${pad2(d.getHours())}:${pad2(d.getMinutes())}`;
}

const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;

/** A `datetime-local` value as an ISO instant (UTC); `undefined` when empty or not a real date and time. */
export function toIsoFromLocalInput(value: string): string | undefined {
  const match = LOCAL_INPUT.exec(value.trim());
  if (!match) return undefined;
  const [y, mo, d, h, mi, s] = match.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  const date = new Date(y, mo - 1, d, h, mi, s);
  // Reject rollovers such as 31 February (a DST gap's shifted hour is fine).
  if (date.getFullYear() !== y || date.getMonth() !== mo - 1 || date.getDate() !== d) return undefined;
  return date.toISOString();
}

/** The next whole or half hour strictly after `now` (a sensible default start for a new meeting). */
export function nextHalfHour(now: number): Date {
  const d = new Date(now);
  d.setSeconds(0, 0);
  d.setMinutes(d.getMinutes() < 30 ? 30 : 60);
  return d;
}
