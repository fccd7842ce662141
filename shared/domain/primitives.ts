// Runs everywhere (main, preload, renderer, preview). Pure: no electron, no DOM, no node:fs.
// Small schema building blocks with the plain-English messages a rep sees when input is wrong.
import { z } from 'zod';

export const Id = z.string().trim().min(1, 'An id is missing.').max(64, 'That id is too long.');

/** An instant, stored as an ISO-8601 string with an offset (the store always writes UTC `Z`). */
export const instant = (what = 'The date and time') =>
  z.iso.datetime({
    offset: true,
    error: (issue) => (issue.input === undefined || issue.input === '' ? `${what} is required.` : `${what} is not a valid date and time.`),
  });
export const Instant = instant();

export const requiredText = (what: string, max = 500) =>
  z
    .string({ error: `${what} is required.` })
    .trim()
    .min(1, `${what} is required.`)
    .max(max, `${what} is too long (at most ${max} characters).`);

export const optionalText = (what: string, max = 2000) =>
  z.string().trim().max(max, `${what} is too long (at most ${max} characters).`).default('');
