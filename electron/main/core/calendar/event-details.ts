// Runs in Node (main and preview). What a meeting takes from a parsed calendar event besides its time: the title,
// the people (organizer first) and the join link. node-ical hands properties over either as a plain string or as
// {val, params} when the line had parameters; these helpers read both shapes.
import type { VEvent } from 'node-ical';
import { clip, JoinUrl, MEETING_LIMITS } from '../../../../shared/domain';
import { findJoinLink } from './join-link';
import { emailOf } from './people';

export interface EventDetails {
  title: string;
  organizer?: string;
  /** People's emails, organizer first, without rooms or duplicates. */
  attendees: string[];
  joinUrl?: string;
}

/** A property's text, whether node-ical gave it as a plain value or as {val, params}. */
function textOf(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object') return String(value);
  const val = (value as { val?: unknown }).val;
  return val === undefined || val === null ? undefined : String(val);
}

const paramsOf = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' && 'params' in value ? ((value as { params?: Record<string, unknown> }).params ?? {}) : {};

const listOf = (value: unknown): unknown[] => (value === undefined || value === null ? [] : Array.isArray(value) ? value : [value]);

/** Rooms and equipment are invited too; they are not people. */
const isRoom = (attendee: unknown) => /^(ROOM|RESOURCE)$/i.test(String(paramsOf(attendee)['CUTYPE'] ?? ''));

const MAX_PEOPLE = 200;

/** Fields where calendars put the join link, most specific first. */
const LINK_FIELDS = [
  'GOOGLE-CONFERENCE',
  'conference',
  'MICROSOFT-SKYPETEAMSMEETINGURL',
  'MICROSOFT-ONLINEMEETINGEXTERNALLINK',
  'MICROSOFT-ONLINEMEETINGCONFLINK',
  'url',
  'location',
  'description',
  'ALT-DESC',
] as const;

/** Reads `event`, falling back to `base` (the series) for what an instance override leaves out. */
export function eventDetails(event: VEvent, base: VEvent = event): EventDetails {
  const field = (name: string): unknown => (event as Record<string, unknown>)[name] ?? (base as Record<string, unknown>)[name];
  const title = clip((textOf(field('summary')) ?? '').replace(/\s+/g, ' ').trim(), MEETING_LIMITS.title) || 'Untitled meeting';
  const organizer = emailOf(textOf(field('organizer')));
  const invited = listOf(field('attendee'))
    .filter((a) => !isRoom(a))
    .map((a) => emailOf(textOf(a)))
    .filter((e): e is string => !!e);
  const attendees = [...new Set([...(organizer ? [organizer] : []), ...invited])].slice(0, MAX_PEOPLE);
  const link = findJoinLink(LINK_FIELDS.flatMap((name) => listOf(field(name)).map(textOf)));
  // Checked here, while reading is still sliced, against the store's own rule: a meeting must be savable.
  const joinUrl = link && JoinUrl.safeParse(link).success ? link : undefined;
  return { title, attendees, ...(organizer ? { organizer } : {}), ...(joinUrl ? { joinUrl } : {}) };
}
