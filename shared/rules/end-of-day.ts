// Runs everywhere. When the end-of-day reminder is due: at the rep's end-of-day time on workdays (Monday to
// Friday) in their zone — and whether a day still needs it (not yet marked as reviewed).
import { addDays, isoWeekday, localCalendar, type DayKey } from './local-days';

/** The next end-of-day moment strictly after `now`, on a workday, and the calendar day it belongs to. */
export function nextEndOfDay(endOfDay: string, now: number, timeZone?: string): { day: DayKey; at: number } {
  const calendar = localCalendar(timeZone);
  const [hour, minute] = endOfDay.split(':').map(Number) as [number, number];
  let day = calendar.dayOf(now);
  // At most a weekend and today lie between now and the next workday's end of day.
  for (let i = 0; i < 8; i += 1, day = addDays(day, 1)) {
    if (isoWeekday(day) > 4) continue;
    const at = calendar.at(day, hour, minute);
    if (at > now) return { day, at };
  }
  throw new Error(`no end of day found after ${new Date(now).toISOString()}`);
}

/** A day needs the reminder unless it (or a later day) was already marked as reviewed. */
export const needsReview = (day: DayKey, lastReviewedDay: DayKey | undefined): boolean => !lastReviewedDay || lastReviewedDay < day;
