// The rep's calendar days in explicit time zones: day keys against Intl asked afresh (the cached offsets must never
// drift from it), day starts and lengths across DST changes, ISO weeks against date-fns, and calendar arithmetic.
import { getISOWeek, getISOWeekYear } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  isoWeekKey,
  isoWeekStart,
  isValidTimeZone,
  localCalendar,
  monthStart,
  nextMonthStart,
} from '../../shared/rules/local-days';
import { nowArb, oracleDay, ZONES } from '../support/review-arbitraries';

const HOUR = 3_600_000;
const dayArb = fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2028, 11, 31) }).map((ms) => new Date(ms).toISOString().slice(0, 10));
const zoneArb = fc.constantFrom(...ZONES);

describe('local days', () => {
  it('puts every instant on the day Intl says, in every zone (the hour cache never drifts)', () => {
    fc.assert(
      fc.property(nowArb(), zoneArb, fc.integer({ min: -48 * 60, max: 48 * 60 }), (now, zone, minutes) => {
        const t = now + minutes * 60_000;
        expect(localCalendar(zone).dayOf(t)).toBe(oracleDay(t, zone));
      }),
      { numRuns: 2000 },
    );
  });

  it('starts each day at its first instant, and every instant lies within its own day', () => {
    fc.assert(
      fc.property(nowArb(), zoneArb, (t, zone) => {
        const cal = localCalendar(zone);
        const day = cal.dayOf(t);
        const start = cal.startOf(day);
        const next = cal.startOf(addDays(day, 1));
        expect(start).toBeLessThanOrEqual(t);
        expect(t).toBeLessThan(next);
        expect(cal.dayOf(start)).toBe(day);
        expect(cal.dayOf(start - 1)).toBe(addDays(day, -1));
        // A day lasts 24 hours, give or take the zone's DST shift (an hour, or half an hour on Lord Howe).
        expect(Math.abs(next - start - 24 * HOUR)).toBeLessThanOrEqual(HOUR);
      }),
      { numRuns: 1000 },
    );
  });

  it('knows the DST days: 23 hours in spring, 25 in autumn; Santiago’s spring day starts at 01:00', () => {
    const length = (zone: string, day: string) => {
      const cal = localCalendar(zone);
      return (cal.startOf(addDays(day, 1)) - cal.startOf(day)) / HOUR;
    };
    expect(length('Europe/Berlin', '2026-03-29')).toBe(23);
    expect(length('Europe/Berlin', '2026-10-25')).toBe(25);
    expect(length('America/New_York', '2026-03-08')).toBe(23);
    expect(length('Australia/Lord_Howe', '2026-10-04')).toBe(23.5);
    expect(length('UTC', '2026-03-29')).toBe(24);
    // Chile springs forward at midnight: 00:00 does not exist on 6 Sep 2026, the day begins at 01:00 local.
    const santiago = localCalendar('America/Santiago');
    const start = santiago.startOf('2026-09-06');
    expect(new Date(start).toISOString()).toBe('2026-09-06T04:00:00.000Z');
    expect(new Intl.DateTimeFormat('en-GB', { timeZone: 'America/Santiago', hour: '2-digit', minute: '2-digit' }).format(start)).toBe('01:00');
  });

  it('reads wall-clock times back, and moves a skipped time on by the gap', () => {
    fc.assert(
      fc.property(dayArb, zoneArb, fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45), (day, zone, hour, minute) => {
        const cal = localCalendar(zone);
        const t = cal.at(day, hour, minute);
        const wall = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hourCycle: 'h23', hour: '2-digit', minute: '2-digit' }).format(t);
        const asked = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
        if (wall === asked) {
          expect(cal.dayOf(t)).toBe(day);
        } else {
          // Only a time the zone skips reads differently: it lands later, just after a change of offset.
          expect(wall > asked || cal.dayOf(t) > day).toBe(true);
          expect(cal.offset(t)).not.toBe(cal.offset(t - 3 * HOUR));
        }
      }),
      { numRuns: 1000 },
    );
    // 02:30 on Berlin's spring-forward day does not exist: it reads as 03:30.
    const berlin = localCalendar('Europe/Berlin');
    expect(new Date(berlin.at('2026-03-29', 2, 30)).toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });

  it('numbers ISO weeks like date-fns, with Monday starting each week', () => {
    fc.assert(
      fc.property(dayArb, (day) => {
        const [y, m, d] = day.split('-').map(Number) as [number, number, number];
        const date = new Date(y, m - 1, d, 12);
        expect(isoWeekKey(day)).toBe(`${getISOWeekYear(date)}-W${String(getISOWeek(date)).padStart(2, '0')}`);
        const monday = isoWeekStart(day);
        expect(isoWeekKey(monday)).toBe(isoWeekKey(day));
        expect(new Date(`${monday}T00:00:00Z`).getUTCDay()).toBe(1);
      }),
      { numRuns: 1000 },
    );
    expect(isoWeekKey('2026-12-31')).toBe('2026-W53');
    expect(isoWeekKey('2027-01-01')).toBe('2026-W53');
    expect(isoWeekKey('2024-12-30')).toBe('2025-W01');
  });

  it('does calendar arithmetic without clocks: days between, months', () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: -800, max: 800 }), (day, n) => {
        expect(daysBetween(day, addDays(day, n))).toBe(n);
        expect(addDays(addDays(day, n), -n)).toBe(day);
        expect(nextMonthStart(day) > day).toBe(true);
        expect(monthStart(addDays(nextMonthStart(day), -1))).toBe(monthStart(day));
      }),
    );
  });

  it('accepts real zone names only', () => {
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });
});
