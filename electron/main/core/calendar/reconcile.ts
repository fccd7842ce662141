// Runs in Node (main and preview), inside one store change. Brings the planned meetings in line with what the
// calendars say, under one rule above all: the rep's prep is never lost.
//  - An event is matched to a meeting by UID + recurrence id, whichever calendar carries it (two calendars with the
//    same event make one meeting). An event whose UID is one of our own ids (an invite Second Step exported) is that
//    meeting.
//  - A moved event moves its planned meeting; purpose, ideal outcome, agenda, "why us" and the thread stay.
//  - A cancelled or deleted event cancels a planned meeting through the lifecycle rule (no wrap-up, nothing deleted).
//    "Deleted" is only believed from a calendar that was read completely: a broken or cut-off file cancels nothing.
//  - Meetings already held (live, wrapping up, done, no-show) are never touched.
import { Meeting, Thread, plannedMeeting, type StoreDocument } from '../../../../shared/domain';
import { transition } from '../../../../shared/rules/lifecycle';
import { isGated } from '../../../../shared/rules/wrap-up-gate';
import { occurrenceKey, type CalendarOccurrence, type ParsedCalendar } from './parse-calendar';
import { isInternal } from './people';
import { threadMatcher, type ThreadMatcher } from './thread-for-event';

export interface Feed {
  calendarId: string;
  parsed: ParsedCalendar;
}

export interface SyncCounts {
  imported: number;
  updated: number;
  cancelled: number;
  skipped: number;
}

export interface ReconcileOptions {
  nowIso: string;
  newId: () => string;
}

type CalendarMeeting = Meeting & { source: Extract<Meeting['source'], { kind: 'calendar' }> };

const isCalendarMeeting = (m: Meeting): m is CalendarMeeting => m.source.kind === 'calendar';
const keyOf = (m: CalendarMeeting) => occurrenceKey(m.source.uid, m.source.recurrenceId);
const utcDay = (iso: string) => iso.slice(0, 10);

/** Keys of the meetings a sync may still change: the parser expands these even outside the window. */
export function knownKeys(doc: StoreDocument): Set<string> {
  return new Set(doc.meetings.filter(isCalendarMeeting).filter((m) => m.status === 'planned').map(keyOf));
}

/** Applies the feeds to `doc`; returns what changed, per calendar. */
export function reconcile(doc: StoreDocument, feeds: readonly Feed[], options: ReconcileOptions): Map<string, SyncCounts> {
  const counts = new Map<string, SyncCounts>(feeds.map((f) => [f.calendarId, { imported: 0, updated: 0, cancelled: 0, skipped: 0 }]));
  const count = (calendarId: string, what: keyof SyncCounts) => {
    const c = counts.get(calendarId);
    if (c) c[what] += 1;
  };

  // Every event once, from the first calendar that carries it; and which calendars carry which events.
  const present = new Map<string, { occurrence: CalendarOccurrence; calendarId: string }>();
  const carriedBy = new Map<string, Set<string>>();
  for (const { calendarId, parsed } of feeds) {
    for (const occurrence of parsed.occurrences) {
      const key = occurrenceKey(occurrence.uid, occurrence.recurrenceId);
      if (!present.has(key)) present.set(key, { occurrence, calendarId });
      carriedBy.set(key, (carriedBy.get(key) ?? new Set()).add(calendarId));
    }
  }
  const cancelledKeys = new Set(feeds.flatMap((f) => f.parsed.cancelled));

  const byKey = new Map<string, CalendarMeeting[]>();
  for (const m of doc.meetings.filter(isCalendarMeeting)) byKey.set(keyOf(m), [...(byKey.get(keyOf(m)) ?? []), m]);
  const ownIds = ownIdIndex(doc);

  const unmatched: { key: string; occurrence: CalendarOccurrence; calendarId: string }[] = [];
  for (const [key, { occurrence, calendarId }] of present) {
    const own = ownIds(occurrence.uid);
    if (own !== undefined) {
      // Our own exported invite: it is that meeting (or, for a task's invite, no meeting at all) — never a copy.
      if (own && !occurrence.recurrenceId && updateFromEvent(doc, own, occurrence)) count(calendarId, 'updated');
      continue;
    }
    const active = (byKey.get(key) ?? []).find((m) => m.status !== 'cancelled');
    if (!active) {
      unmatched.push({ key, occurrence, calendarId });
      continue;
    }
    // The owning calendar dropped it (or was removed) but another still carries it: the other one owns it now.
    const owner = active.source.calendarId;
    const ownerRead = feeds.some((f) => f.calendarId === owner);
    const ownerRemoved = !doc.settings.calendars.some((c) => c.id === owner);
    if (!carriedBy.get(key)!.has(owner) && (ownerRead || ownerRemoved)) active.source.calendarId = calendarId;
    if (updateFromEvent(doc, active, occurrence)) count(active.source.calendarId, 'updated');
  }

  // Planned meetings whose event is gone, or cancelled by the calendar.
  const gone = doc.meetings
    .filter(isCalendarMeeting)
    .filter((m) => m.status === 'planned' && !present.has(keyOf(m)) && isGone(m, feeds, cancelledKeys));

  // A series whose time changed gives its instances new recurrence ids: the same UID on the same day is the
  // same meeting moved, so its prep moves with it.
  for (const meeting of gone.slice()) {
    if (cancelledKeys.has(keyOf(meeting))) continue;
    const day = utcDay(meeting.source.recurrenceId ?? meeting.start);
    const index = unmatched.findIndex(
      (u) => u.occurrence.uid === meeting.source.uid && utcDay(u.occurrence.recurrenceId ?? u.occurrence.start) === day,
    );
    if (index === -1) continue;
    const [moved] = unmatched.splice(index, 1);
    gone.splice(gone.indexOf(meeting), 1);
    const recurrenceId = moved!.occurrence.recurrenceId;
    meeting.source = { ...meeting.source, ...(recurrenceId ? { recurrenceId } : {}) };
    if (!recurrenceId) delete meeting.source.recurrenceId;
    updateFromEvent(doc, meeting, moved!.occurrence);
    count(meeting.source.calendarId, 'updated');
  }

  for (const meeting of gone) {
    if (cancelByCalendar(doc, meeting)) count(meeting.source.calendarId, 'cancelled');
  }

  const creating: Creating = { matcher: threadMatcher(doc, options), withMeetings: new Set(doc.meetings.map((m) => m.threadId)), ...options };
  for (const { key, occurrence, calendarId } of unmatched) {
    const previous = (byKey.get(key) ?? []).at(-1);
    if (createMeeting(doc, occurrence, calendarId, previous, creating)) count(calendarId, 'imported');
    else count(calendarId, 'skipped');
  }
  return counts;
}

/** Cancels a planned meeting through the lifecycle rule (planned -> cancelled owes no wrap-up). */
export function cancelByCalendar(doc: StoreDocument, meeting: Meeting): boolean {
  const next = transition(meeting.status, 'cancel', isGated(meeting, doc.settings));
  if (next.ok) meeting.status = next.to;
  return next.ok;
}

/**
 * Looks up an event's UID among our own ids. For one of ours: the meeting it stands for, or null when it stands for
 * no meeting (a task's invite); undefined when the UID is not ours. Exporters may add "@domain" to a UID.
 */
function ownIdIndex(doc: StoreDocument): (uid: string) => Meeting | null | undefined {
  const meetings = new Map(doc.meetings.map((m) => [m.id, m]));
  const steps = new Map(doc.nextSteps.map((s) => [s.id, s]));
  return (uid) => {
    for (const id of new Set([uid, uid.split('@')[0]!])) {
      const meeting = meetings.get(id);
      if (meeting) return meeting;
      const step = steps.get(id);
      if (step) return (step.plannedMeetingId && meetings.get(step.plannedMeetingId)) || null;
    }
    return undefined;
  };
}

/** Was the meeting's event cancelled, or removed from the calendar that owns it (read completely this time)? */
function isGone(meeting: CalendarMeeting, feeds: readonly Feed[], cancelledKeys: ReadonlySet<string>): boolean {
  if (cancelledKeys.has(keyOf(meeting)) || cancelledKeys.has(`${meeting.source.uid}\n*`)) return true;
  const owner = feeds.find((f) => f.calendarId === meeting.source.calendarId);
  return !!owner && owner.parsed.complete;
}

/**
 * Copies what the calendar owns (time, people, join link) onto a planned meeting. True when anything changed.
 * Internal/external is worked out again only when the people changed, so the rep's own call on it stands.
 */
function updateFromEvent(doc: StoreDocument, meeting: Meeting, occurrence: CalendarOccurrence): boolean {
  if (meeting.status !== 'planned' || !(occurrence.end > occurrence.start)) return false;
  const peopleChanged = JSON.stringify(meeting.attendees) !== JSON.stringify(occurrence.attendees);
  const next = {
    start: occurrence.start,
    end: occurrence.end,
    attendees: occurrence.attendees,
    ...(peopleChanged ? { internal: isInternal(occurrence, doc.settings.ownDomains) } : {}),
    ...(occurrence.joinUrl ? { joinUrl: occurrence.joinUrl } : {}),
  };
  const changed = (Object.keys(next) as (keyof typeof next)[]).some(
    (k) => JSON.stringify(meeting[k]) !== JSON.stringify(next[k]),
  );
  if (!changed || !Meeting.safeParse({ ...meeting, ...next }).success) return false;
  Object.assign(meeting, next);
  return true;
}

/** What creating meetings shares across one sync: the thread index and which threads have meetings already. */
interface Creating extends ReconcileOptions {
  matcher: ThreadMatcher;
  withMeetings: Set<string>;
}

/** A new planned meeting for an event; it carries the prep of an earlier meeting for the same event, if any. */
function createMeeting(
  doc: StoreDocument,
  occurrence: CalendarOccurrence,
  calendarId: string,
  previous: Meeting | undefined,
  options: Creating,
): boolean {
  if (!(occurrence.end > occurrence.start)) return false;
  const internal = isInternal(occurrence, doc.settings.ownDomains);
  const previousThread = previous && doc.threads.find((t) => t.id === previous.threadId && t.status === 'open');
  const choice = previousThread ? { thread: previousThread, created: false } : options.matcher.choose(occurrence, internal);
  const hasMeetings = options.withMeetings.has(choice.thread.id);
  const meeting = plannedMeeting({
    id: options.newId(),
    threadId: choice.thread.id,
    title: occurrence.title,
    start: occurrence.start,
    end: occurrence.end,
    stage: internal ? 'Internal' : hasMeetings ? 'Follow-up' : 'First meeting',
    attendees: occurrence.attendees,
    internal,
    ...(occurrence.joinUrl ? { joinUrl: occurrence.joinUrl } : {}),
    source: {
      kind: 'calendar',
      calendarId,
      uid: occurrence.uid,
      ...(occurrence.recurrenceId ? { recurrenceId: occurrence.recurrenceId } : {}),
    },
    ...(previous ? carriedPrep(previous, options.newId) : {}),
  });
  // The event's fields were checked as they were read (event-details.ts); a new thread is checked here. The store
  // checks the whole document once more before it writes.
  if (choice.created && !Thread.safeParse(choice.thread).success) return false;
  if (choice.created) {
    doc.threads.push(choice.thread);
    options.matcher.adopt(choice.thread);
  }
  options.withMeetings.add(choice.thread.id);
  doc.meetings.push(meeting);
  return true;
}

/** The prep of a cancelled meeting whose event came back: the rep typed it, so it comes back too. */
const carriedPrep = (m: Meeting, newId: () => string): Partial<Meeting> => ({
  stage: m.stage,
  purpose: m.purpose,
  idealOutcome: m.idealOutcome,
  whyUs: m.whyUs,
  bring: m.bring,
  agenda: m.agenda.map((item) => ({ ...item, id: newId(), done: false })),
});
