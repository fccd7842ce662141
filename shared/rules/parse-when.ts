// Runs in the renderer (the wrap-up form) and in tests. Natural-language dates for the next step — "tue 3pm",
// "in two weeks at 10" — read forward from the core's clock, in the rep's own time zone. A phrase without a time
// is not silently given one: "next friday" asks for a time, because a step without a time slips.
import * as chrono from 'chrono-node';

export type ParsedWhen =
  | { kind: 'date-time'; iso: string; text: string }
  | { kind: 'needs-time'; iso: string; text: string }
  | { kind: 'none' };

export function parseWhen(phrase: string, now: number): ParsedWhen {
  const [result] = chrono.parse(phrase, new Date(now), { forwardDate: true });
  if (!result) return { kind: 'none' };
  const date = result.start.date();
  if (Number.isNaN(date.getTime())) return { kind: 'none' };
  const kind = result.start.isCertain('hour') ? 'date-time' : 'needs-time';
  return { kind, iso: date.toISOString(), text: result.text };
}

/** Splits a note jotted during the call ("tue 3pm demo with Dana") into its time and its action. */
export function parseJot(jot: string, now: number): { when: ParsedWhen; what: string } {
  const when = parseWhen(jot, now);
  const rest = when.kind === 'none' ? jot : jot.replace(when.text, ' ');
  return { when, what: rest.replace(/\s+/g, ' ').replace(/^[\s,;:–—-]+|[\s,;:–—-]+$/g, '').trim() };
}
