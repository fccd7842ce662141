// Runs under vitest (unit project), in Node. The time in a data notice ("…your backup from Sunday 22 November,
// 14:05") is built from Intl's parts; date-fns' `format`, which wrote it before, is the reference it must match for
// any instant, in the process's time zone (the CI runs this in UTC and the rep's zone differs: both are the local zone).
import { format } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeTime } from '../../../electron/main/core/store/notices';

const instant = fc.integer({ min: Date.UTC(1971, 0, 1), max: Date.UTC(2100, 0, 1) });

describe('describeTime', () => {
  it('reads as weekday, day, month and 24-hour time, with the year only when it is not the current one', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: -800, max: 800 }), (ms, daysAway) => {
        const now = ms + daysAway * 86_400_000;
        const sameYear = new Date(ms).getFullYear() === new Date(now).getFullYear();
        expect(describeTime(ms, now)).toBe(format(ms, sameYear ? 'EEEE d MMMM, HH:mm' : 'EEEE d MMMM yyyy, HH:mm'));
      }),
      { numRuns: 2_000 },
    );
  });

  it('names the year of a backup from another year', () => {
    const ms = new Date(2025, 11, 31, 23, 59).getTime();
    expect(describeTime(ms, new Date(2026, 0, 1, 0, 1).getTime())).toBe('Wednesday 31 December 2025, 23:59');
  });
});
