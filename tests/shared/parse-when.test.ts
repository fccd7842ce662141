import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJot, parseWhen } from '../../shared/rules/parse-when';

// The tests run with TZ=UTC (vitest's default here is the machine's zone); local wall-clock times are asserted via
// the Date's local getters so they hold in any zone.
const now = new Date(2026, 10, 23, 9, 0).getTime(); // Monday 23 November 2026, 09:00 local
const local = (iso: string) => {
  const d = new Date(iso);
  return [d.getFullYear(), d.getMonth() + 1, d.getDate(), d.getHours(), d.getMinutes()];
};

describe('natural-language "when"', () => {
  it.each([
    ['tue 3pm', [2026, 11, 24, 15, 0]],
    ['tomorrow at 9:30', [2026, 11, 24, 9, 30]],
    ['in two weeks at 10', [2026, 12, 7, 10, 0]],
    ['friday 11am', [2026, 11, 27, 11, 0]],
    ['Dec 3 14:00', [2026, 12, 3, 14, 0]],
  ])('reads "%s" forward from now', (phrase, expected) => {
    const parsed = parseWhen(phrase, now);
    expect(parsed.kind).toBe('date-time');
    if (parsed.kind !== 'none') expect(local(parsed.iso)).toEqual(expected);
  });

  it('asks for a time when only a day is given', () => {
    expect(parseWhen('next friday', now).kind).toBe('needs-time');
  });

  it('says nothing was understood rather than guessing', () => {
    expect(parseWhen('follow up soon-ish', now)).toEqual({ kind: 'none' });
  });

  it('splits a jotted note into its time and its action', () => {
    const { when, what } = parseJot('tue 3pm demo with Dana', now);
    expect(what).toBe('demo with Dana');
    expect(when.kind === 'date-time' && local(when.iso)).toEqual([2026, 11, 24, 15, 0]);
    expect(parseJot('send the proposal', now)).toEqual({ when: { kind: 'none' }, what: 'send the proposal' });
  });

  it('never throws and never returns an invalid date, whatever is typed', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2090, 0, 1) }), (phrase, at) => {
        const parsed = parseWhen(phrase, at);
        if (parsed.kind !== 'none') expect(Number.isNaN(Date.parse(parsed.iso))).toBe(false);
      }),
    );
  });
});
