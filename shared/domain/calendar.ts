// Runs everywhere. The rep's calendars: an ICS file on disk (watched for changes) or an ICS feed on the web
// (refreshed on an interval). Meetings imported from them carry `source: {kind: 'calendar', …}`; the calendar itself
// only remembers where it lives and how its last sync went, so the review can say "last synced at… (2 skipped)".
import { z } from 'zod';
import { builtOnFirstUse, Id, Instant, requiredText } from './primitives';

/** An absolute path on macOS/Linux (/…), Windows (C:\… or C:/…) or a Windows network share (\\server\…). */
const ABSOLUTE_PATH = /^(\/|[A-Za-z]:[\\/]|\\\\[^\\]+\\)/;

export const calendarPath = builtOnFirstUse(() =>
  z
    .string({ error: 'The file path is required.' })
    .trim()
    .min(1, 'The file path is required.')
    .max(1000, 'The file path is too long (at most 1000 characters).')
    .refine((p) => ABSOLUTE_PATH.test(p), 'Use the full path of the .ics file, e.g. /Users/you/work.ics or C:\\Users\\you\\work.ics.'),
);

/** A web address of an ICS feed. `webcal://` (how Apple and Google share feeds) is the same feed over https. */
export const calendarUrl = builtOnFirstUse(() =>
  z
    .string({ error: 'The web address is required.' })
    .trim()
    .min(1, 'The web address is required.')
    .max(2000, 'The web address is too long (at most 2000 characters).')
    .transform((u) => u.replace(/^webcals?:\/\//i, 'https://'))
    .refine((u) => /^https?:\/\//i.test(u), 'Use a web address that starts with https:// (or http://).')
    .refine((u) => URL.canParse(u), 'This is not a valid web address.'),
);

/** Limits of what a sync writes from outside: the feed server's validators and the sentence built around its name. */
export const LAST_SYNC_LIMITS = { message: 2000, etag: 500, lastModified: 200 } as const;

export const CalendarLastSync = builtOnFirstUse(() =>
  z.object({
    /** When the last sync was attempted. */
    at: Instant,
    ok: z.boolean(),
    /** A plain sentence for the rep: what was wrong, or what was skipped. */
    message: z.string().max(LAST_SYNC_LIMITS.message).optional(),
    /** The feed's validators from its last good download, sent back so an unchanged feed answers 304. */
    etag: z.string().max(LAST_SYNC_LIMITS.etag).optional(),
    lastModified: z.string().max(LAST_SYNC_LIMITS.lastModified).optional(),
    /** How many calendar events (in the sync window: last 7 days to next 30) the last good sync read. */
    imported: z.number().int().min(0),
    /** How many events of the last good sync could not be read (the message says why). */
    skipped: z.number().int().min(0),
    /** When a sync last succeeded — what the review shows while a feed is unreachable. */
    lastSuccessAt: Instant.optional(),
  }),
);
export type CalendarLastSync = z.infer<typeof CalendarLastSync>;

export const CalendarSource = builtOnFirstUse(() => {
  const calendarFields = {
    id: Id,
    label: requiredText('The calendar name', 100),
    enabled: z.boolean().default(true),
    lastSync: CalendarLastSync.optional(),
  };
  return z.discriminatedUnion('kind', [
    z.object({ ...calendarFields, kind: z.literal('file'), path: calendarPath }),
    z.object({ ...calendarFields, kind: z.literal('url'), url: z.string().url().max(2000) }),
  ]);
});
export type CalendarSource = z.infer<typeof CalendarSource>;

/** What one sync of one calendar did; `message` is one or two plain sentences for the rep. */
export interface CalendarSyncResult {
  calendarId: string;
  label: string;
  ok: boolean;
  /** Meetings created. */
  imported: number;
  /** Planned meetings whose time (or attendees / join link) changed; their prep is kept. */
  updated: number;
  /** Planned meetings marked cancelled because their event was cancelled or deleted. */
  cancelled: number;
  /** Events that could not be read. */
  skipped: number;
  message: string;
}
