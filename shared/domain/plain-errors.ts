// Runs everywhere zod runs (imported by ../contract.ts). The last word on any validation message a rep could read.
// Every schema in shared/ names its own messages for what a form can get wrong; what is left — a wrong type, an
// unexpected field, a list too long — only a buggy or hostile caller produces, and zod's defaults for it are
// jargon ("Invalid input: expected string, received number"). This error map turns each leftover issue into a
// plain sentence, so no reply ever carries zod's wording. Schema-level messages still win (zod asks this map last).
import { z } from 'zod';

type Issue = z.core.$ZodRawIssue;

const KIND_OF_VALUE: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  bigint: 'a whole number',
  boolean: 'yes or no',
  object: 'a set of fields',
  array: 'a list',
  date: 'a date',
  literal: 'a fixed value',
};

/** Field names we are willing to repeat back: short identifiers that do not read like a bug ("undefined").
 * Anything else is only counted, so a hostile caller cannot put its own words (or megabytes) into a message. */
const SHOWABLE_KEY = /^(?!(?:undefined|null|NaN|Infinity|true|false)$)[A-Za-z_$][\w$]{0,39}$/;
const MAX_KEYS_SHOWN = 3;

export function unexpectedFields(keys: readonly string[]): string {
  const shown = keys.filter((key) => SHOWABLE_KEY.test(key)).slice(0, MAX_KEYS_SHOWN);
  const others = keys.length - shown.length;
  if (shown.length === 0) {
    return keys.length === 1 ? 'Unexpected field with an unusual name.' : `${keys.length} unexpected fields with unusual names.`;
  }
  const list = others > 0 ? `${shown.join(', ')} and ${others} more` : shown.join(', ');
  return `Unexpected field${keys.length === 1 ? '' : 's'}: ${list}.`;
}

const choices = (values: readonly unknown[]) =>
  values.length <= 6 && values.every((v) => typeof v === 'string' && SHOWABLE_KEY.test(v.replaceAll('-', '_')))
    ? `Choose one of: ${values.join(', ')}.`
    : 'This is not one of the allowed choices.';

function tooBig(issue: Extract<Issue, { code: 'too_big' }>): string {
  const max = String(issue.maximum);
  if (issue.origin === 'string') return `This is too long (at most ${max} characters).`;
  if (issue.origin === 'array' || issue.origin === 'set') return `This list is too long (at most ${max} items).`;
  return `This number is too large (at most ${max}).`;
}

function tooSmall(issue: Extract<Issue, { code: 'too_small' }>): string {
  const min = String(issue.minimum);
  if (issue.origin === 'string') return issue.minimum === 1 ? 'This cannot be empty.' : `This is too short (at least ${min} characters).`;
  if (issue.origin === 'array' || issue.origin === 'set') return `This list needs at least ${min} items.`;
  return `This number is too small (at least ${min}).`;
}

export function plainMessage(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'This is required.';
      return `This should be ${KIND_OF_VALUE[issue.expected] ?? 'something else'}.`;
    case 'too_big':
      return tooBig(issue);
    case 'too_small':
      return tooSmall(issue);
    case 'invalid_format':
      return issue.format === 'datetime' ? 'This is not a valid date and time.' : 'This is not in the expected format.';
    case 'invalid_value':
      return choices(issue.values);
    case 'unrecognized_keys':
      return unexpectedFields(issue.keys);
    case 'invalid_key':
      return 'A field name is not valid.';
    case 'invalid_element':
      return 'A value in this list is not valid.';
    case 'not_multiple_of':
      return `This number must be a multiple of ${String(issue.divisor)}.`;
    default:
      return 'This value is not valid.';
  }
}

z.config({ customError: plainMessage });
