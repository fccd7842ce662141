// Runs in the renderer. The review's data: every mode, computed by the core in this window's time zone (the rep's),
// refetched whenever the store changes. Also the small date words the modes share.
import type { DayKey } from '../../../shared/rules/review-queries';
import { api } from '../api';
import { formatWhen } from '../ui/format';
import { useView } from '../ui/useView';

/** The zone this window shows times in: the core counts "today" and "overdue" in the same one. */
export const windowTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

const getModes = () => api.getReviewModes({ timeZone: windowTimeZone() });

export const useReviewModes = () => useView(getModes);

/** A calendar day as the rep reads it: "Thu 5 Mar" ("Thursday 5 Mar" with `long`). */
export function dayLabel(day: DayKey, now: number, weekday: 'short' | 'long' = 'short'): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return formatWhen(new Date(y, m - 1, d, 12), now, { time: false, alwaysWeekday: true, weekday });
}
