// Dates for people and the datetime-local bridge.
import { describe, expect, it } from 'vitest';
import { formatElapsed, formatWhen, nextHalfHour, toIsoFromLocalInput, toLocalInput } from '../../renderer/src/ui/format';

const NOW = Date.parse('2025-11-25T09:00:00.000Z'); // a Tuesday
const opts = { locale: 'en-GB', timeZone: 'UTC' };

describe('format', () => {
  it('gives the weekday for anything within two weeks, either way', () => {
    expect(formatWhen('2025-11-28T15:00:00.000Z', NOW, opts)).toBe('Fri 28 Nov, 15:00');
    expect(formatWhen('2025-11-20T15:00:00.000Z', NOW, opts)).toBe('Thu 20 Nov, 15:00');
    expect(formatWhen('2025-12-20T15:00:00.000Z', NOW, opts)).toBe('20 Dec, 15:00');
    expect(formatWhen('2026-01-20T15:00:00.000Z', NOW, opts)).toBe('20 Jan 2026, 15:00');
    expect(formatWhen('2025-12-20T15:00:00.000Z', NOW, { ...opts, alwaysWeekday: true })).toBe('Sat 20 Dec, 15:00');
  });

  it('formats in the given time zone', () => {
    expect(formatWhen('2025-11-28T15:00:00.000Z', NOW, { locale: 'en-GB', timeZone: 'Asia/Tokyo' })).toBe('Sat 29 Nov, 00:00');
  });

  it('reads a stopwatch', () => {
    expect(formatElapsed(724_000)).toBe('12:04');
    expect(formatElapsed(3_729_000)).toBe('1:02:09');
    expect(formatElapsed(-5_000)).toBe('00:00');
  });

  it('round-trips datetime-local values through ISO in local time', () => {
    const iso = toIsoFromLocalInput('2025-11-28T15:00');
    expect(iso).toBe(new Date(2025, 10, 28, 15, 0).toISOString());
    expect(toLocalInput(iso!)).toBe('2025-11-28T15:00');
    expect(toIsoFromLocalInput('')).toBeUndefined();
    expect(toIsoFromLocalInput('next tuesday')).toBeUndefined();
    expect(toIsoFromLocalInput('2025-02-31T10:00')).toBeUndefined();
  });

  it('picks the next half hour strictly after now', () => {
    const at = (h: number, m: number, s = 0) => new Date(2025, 10, 25, h, m, s).getTime();
    expect(nextHalfHour(at(10, 7)).getTime()).toBe(at(10, 30));
    expect(nextHalfHour(at(10, 30)).getTime()).toBe(at(11, 0));
    expect(nextHalfHour(at(10, 29, 59)).getTime()).toBe(at(10, 30));
    expect(nextHalfHour(at(23, 45)).getTime()).toBe(new Date(2025, 10, 26, 0, 0).getTime());
  });
});
