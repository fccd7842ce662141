// Runs everywhere (main, preload, renderer, preview). Pure: no electron, no DOM, no node:fs.
// Small schema building blocks with the plain-English messages a rep sees when input is wrong.
import { z } from 'zod';

/** A schema built on its first use (its first parse) instead of at import. Every schema in shared/domain is built
 * this way but two (HotkeyAction and StoreDocument, see there): building schemas was most of the main process's
 * import, and each kind of schema built at import also pays zod's one-time set-up of that kind. A store file its
 * checkpoint vouches for is loaded without zod, so a schema is built when something is first checked with it.
 * Parsing through z.lazy is parsing with the schema itself (the same output, issues and messages); `unwrap()` gives
 * that same schema (built once), e.g. to read its `.shape`. */
export const builtOnFirstUse = <T extends z.ZodType>(build: () => T): z.ZodLazy<T> => {
  let built: T | undefined;
  return z.lazy(() => (built ??= build()));
};

export const Id = builtOnFirstUse(() => z.string().trim().min(1, 'An id is missing.').max(64, 'That id is too long.'));

/** An instant: accepted as ISO-8601 with any offset, always kept in UTC (`…Z`). One form matters: instants are
 * compared and sorted as strings all over the app, and "01:30+02:00" sorts after "00:45Z" though it is earlier —
 * a call planned in another zone, or across a daylight-saving change, would land out of order. */
export const instant = (what = 'The date and time') =>
  z.iso
    .datetime({
      offset: true,
      error: (issue) => (issue.input === undefined || issue.input === '' ? `${what} is required.` : `${what} is not a valid date and time.`),
    })
    .transform((iso) => new Date(iso).toISOString());
export const Instant = builtOnFirstUse(() => instant());

export const requiredText = (what: string, max = 500) =>
  z
    .string({ error: `${what} is required.` })
    .trim()
    .min(1, `${what} is required.`)
    .max(max, `${what} is too long (at most ${max} characters).`);

/** `text` cut to at most `max` characters, ending in "…" when something was cut. For text the app composes from the
 * rep's own (a title "Call with <account>", carried-forward notes): each part fits its own limit, the whole may not,
 * and the store refuses any document with a field over its limit. Never cuts a character in half. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  if (/[\uD800-\uDBFF]/.test(text[end - 1] ?? '')) end -= 1; // a high surrogate would be left without its pair
  return `${text.slice(0, end).trimEnd()}…`;
}

export const optionalText = (what: string, max = 2000) =>
  z.string().trim().max(max, `${what} is too long (at most ${max} characters).`).default('');

type LeftOut<T extends z.ZodRawShape> = { [K in keyof T]: z.ZodOptional<T[K] extends z.ZodDefault<infer U> ? U : T[K]> };
/** Every field optional and never defaulted, for patches: a field a patch leaves out keeps its value (zod's
 * `.partial()` would still fill in defaults and silently reset it). */
export const leftOut = <T extends z.ZodRawShape>(shape: T): LeftOut<T> =>
  Object.fromEntries(
    Object.entries(shape).map(([key, field]) => [key, ((field instanceof z.ZodDefault ? field.unwrap() : field) as z.ZodType).optional()]),
  ) as unknown as LeftOut<T>;
