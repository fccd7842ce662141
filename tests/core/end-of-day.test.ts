// The end-of-day reminder: at the rep's end-of-day time on workdays the core asks for the review window — once a
// day, never on weekends, and not when the day was already reviewed. (The core runs in UTC in tests; T0 is a Monday.)
import { afterEach, describe, expect, it } from 'vitest';
import { nextEndOfDay } from '../../shared/rules/end-of-day';
import { minutes, openTestCore, T0, type TestCore } from '../support/core-harness';

let t: TestCore;
afterEach(async () => t?.dispose());

const HOUR = minutes(60);
const DAY = 24 * HOUR;
const reviewShown = () => t.events.filter((e) => e.event === 'window' && (e.payload as { window: string }).window === 'review').length;

describe('end of day', () => {
  it('opens the review at the end-of-day time, once that day', async () => {
    t = await openTestCore(); // Monday 09:00
    const days: string[] = [];
    t.core.endOfDay.onDue((day) => days.push(day));
    t.clock.set(T0 + 8 * HOUR + minutes(29)); // 17:29
    expect(reviewShown()).toBe(0);
    t.clock.set(T0 + 8 * HOUR + minutes(30)); // 17:30, the default
    expect(t.events).toContainEqual({ event: 'window', payload: { window: 'review', action: 'show' } });
    expect(days).toEqual(['2026-11-23']);
    await t.ok('updateSettings', { gateInternalMeetings: true }); // a change re-arms, never re-fires today
    t.clock.set(T0 + 12 * HOUR);
    expect(reviewShown()).toBe(1);
    t.clock.set(T0 + DAY + 8 * HOUR + minutes(30)); // Tuesday 17:30
    expect(reviewShown()).toBe(2);
    expect(days).toEqual(['2026-11-23', '2026-11-24']);
  });

  it('follows the end-of-day setting', async () => {
    t = await openTestCore();
    await t.ok('updateSettings', { endOfDay: '16:00' });
    t.clock.set(T0 + 7 * HOUR);
    expect(reviewShown()).toBe(1);
  });

  it('skips a day already reviewed', async () => {
    t = await openTestCore();
    await t.ok('markReviewed', { day: '2026-11-23', timeZone: 'UTC' });
    t.clock.set(T0 + 9 * HOUR);
    expect(reviewShown()).toBe(0);
  });

  it('stays quiet on weekends and comes back on Monday', async () => {
    t = await openTestCore({ now: T0 + 4 * DAY + 9 * HOUR }); // Friday 18:00, after the end of day
    t.clock.set(T0 + 5 * DAY + 9 * HOUR); // Saturday 18:00
    t.clock.set(T0 + 6 * DAY + 9 * HOUR); // Sunday 18:00
    expect(reviewShown()).toBe(0);
    t.clock.set(T0 + 7 * DAY + 9 * HOUR); // Monday 18:00
    expect(reviewShown()).toBe(1);
  });

  it('finds the next workday in the rep zone, across DST', () => {
    // Friday 27 March 2026, after 17:30 in Berlin: the next is Monday 30 March, after the spring-forward (UTC+2).
    const next = nextEndOfDay('17:30', Date.parse('2026-03-27T17:00:00Z'), 'Europe/Berlin');
    expect(next).toEqual({ day: '2026-03-30', at: Date.parse('2026-03-30T15:30:00Z') });
    expect(nextEndOfDay('17:30', Date.parse('2026-03-30T15:29:00Z'), 'Europe/Berlin').day).toBe('2026-03-30');
  });
});
