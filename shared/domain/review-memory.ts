// Runs everywhere. What the end-of-day review remembers between days: the last day the rep went through it, so the
// end-of-day reminder does not ask twice and the review can say "reviewed today".
import { z } from 'zod';
import { builtOnFirstUse, Instant } from './primitives';

/** A calendar day in the rep's time zone, `YYYY-MM-DD`, that exists (no 31 February). */
export const CalendarDay = builtOnFirstUse(() =>
  z
    .string({ error: 'The day is required.' })
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Give the day as YYYY-MM-DD.')
    .refine((day) => {
      const [y, m, d] = day.split('-').map(Number) as [number, number, number];
      const date = new Date(Date.UTC(y, m - 1, d));
      return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
    }, 'That day does not exist.'),
);

export const ReviewMemory = builtOnFirstUse(() =>
  z.object({
    /** The latest day the rep marked as reviewed. */
    lastReviewedDay: CalendarDay.optional(),
    /** When they did. */
    reviewedAt: Instant.optional(),
  }),
);
export type ReviewMemory = z.infer<typeof ReviewMemory>;
