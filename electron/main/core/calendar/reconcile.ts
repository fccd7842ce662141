// Runs in Node (main and preview), OUTSIDE any store change: works out how the planned meetings must follow what the
// calendars say, as a list of small steps (sync-steps.ts applies them, a few hundred per store change). Planning
// reads the document and never changes it, so the app stays responsive while a big calendar is compared, and each
// change the store writes touches only the meetings it names. One rule above all: the rep's prep is never lost.
//  - An event is matched to a meeting by UID + recurrence id, whichever calendar carries it (two calendars with the
//    same event make one meeting). An event whose UID is one of our own ids (an invite Second Step exported) is that
//    meeting.
//  - A moved event moves its planned meeting; purpose, ideal outcome, agenda, "why us" and the thread stay (a step
//    carries only what the calendar owns: time, people, join link, where the event comes from).
//  - A cancelled or deleted event cancels a planned meeting through the lifecycle rule (no wrap-up, nothing deleted).
//    "Deleted" is only believed from a calendar that was read completely: a broken or cut-off file cancels nothing.
//  - Meetings already held (live, wrapping up, done, no-show) are never touched.
import { Meeting, Thread, plannedMeeting, type StoreDocument } from '../../../../shared/domain';
import { transition } from '../../../../shared/rules/lifecycle';
import { isGated } from '../../../../shared/rules/wrap-up-gate';
import type { Tick } from './cooperative';
import { occurrenceKey, type CalendarOccurrence, type ParsedCalendar } from './parse-calendar';
import { isInternal } from './people';
import { applySyncSteps, type SyncCounts, type SyncStep } from './sync-steps';

export type { SyncCounts } from './sync-steps';
import { threadMatcher, type ThreadMatcher } from './thread-for-event';

export interface Feed {
  calendarId: string;
  parsed: ParsedCalendar;
}

export interface ReconcileOptions {
  nowIso: string;
  newId: () => string;
  /** Hands the event loop back now and then (see cooperative.ts); planning a big calendar takes a while. */
  tick?: Tick;
}

export interface SyncPlan {
  /** In the order they must be applied: a new deal thread travels with the first meeting that needs it. */
  steps: SyncStep[];
  /** Events that could not become a meeting, per calendar (the applied steps count the rest). */
  skipped: Map<string, number>;
}

type CalendarMeeting = Meeting & { source: Extract<Meeting['source'], { kind: 'calendar' }> };

const isCalendarMeeting = (m: Meeting): m is CalendarMeeting => m.source.kind === 'calendar';
const keyOf = (m: CalendarMeeting) => occurrenceKey(m.source.uid, m.source.recurrenceId);
const utcDay = (iso: string) => iso.slice(0, 10);
const noTick: Tick = async () => {};

/** Keys of the meetings a sync may still change: the parser expands these even outside the window. */
export function knownKeys(doc: StoreDocument): Set<string> {
  return new Set(doc.meetings.filter(isCalendarMeeting).filter((m) => m.status === 'planned').map(keyOf));
}

/** Plans the changes that bring `doc` in line with `feeds`. Reads `doc`, never changes it. */
export async function planSync(doc: StoreDocument, feeds: readonly Feed[], options: ReconcileOptions): Promise<SyncPlan> {
  const tick = options.tick ?? noTick;
  const steps: SyncStep[] = [];
  const skipped = new Map<string, number>();

  // Every event once, from the first calendar that carries it; and which calendars carry which events.
  const present = new Map<string, { occurrence: CalendarOccurrence; calendarId: string }>();
  const carriedBy = new Map<string, Set<string>>();
  for (const { calendarId, parsed } of feeds) {
    for (const occurrence of parsed.occurrences) {
      const key = occurrenceKey(occurrence.uid, occurrence.recurrenceId);
      if (!present.has(key)) present.set(key, { occurrence, calendarId });
      carriedBy.set(key, (carriedBy.get(key) ?? new Set()).add(calendarId));
      await tick();
    }
  }
  const cancelledKeys = new Set(feeds.flatMap((f) => f.parsed.cancelled));

  const byKey = new Map<string, CalendarMeeting[]>();
  for (const m of doc.meetings) {
    if (!isCalendarMeeting(m)) continue;
    const list = byKey.get(keyOf(m));
    if (list) list.push(m);
    else byKey.set(keyOf(m), [m]);
  }
  await tick();
  const ownIds = ownIdIndex(doc);
  const calendarIds = new Set(doc.settings.calendars.map((c) => c.id));

  const unmatched: { key: string; occurrence: CalendarOccurrence; calendarId: string }[] = [];
  for (const [key, { occurrence, calendarId }] of present) {
    await tick();
    const own = ownIds(occurrence.uid);
    if (own !== undefined) {
      // Our own exported invite: it is that meeting (or, for a task's invite, no meeting at all) — never a copy.
      if (own && !occurrence.recurrenceId) pushUpdate(steps, doc, own, occurrence, calendarId);
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
    const handOver = !carriedBy.get(key)!.has(owner) && (ownerRead || !calendarIds.has(owner));
    pushUpdate(steps, doc, active, occurrence, handOver ? calendarId : owner, handOver ? { ...active.source, calendarId } : undefined);
  }

  // Planned meetings whose event is gone, or cancelled by the calendar.
  const gone: CalendarMeeting[] = [];
  for (const m of doc.meetings) {
    if (isCalendarMeeting(m) && m.status === 'planned' && !present.has(keyOf(m)) && isGone(m, feeds, cancelledKeys)) gone.push(m);
  }
  await tick();

  // A series whose time changed gives its instances new recurrence ids: the same UID on the same day is the
  // same meeting moved, so its prep moves with it.
  const unmatchedByUidDay = new Map<string, number[]>();
  unmatched.forEach((u, i) => {
    const k = `${u.occurrence.uid}\n${utcDay(u.occurrence.recurrenceId ?? u.occurrence.start)}`;
    unmatchedByUidDay.set(k, [...(unmatchedByUidDay.get(k) ?? []), i]);
  });
  const taken = new Set<number>();
  const cancelling: CalendarMeeting[] = [];
  for (const meeting of gone) {
    await tick();
    const candidates = cancelledKeys.has(keyOf(meeting))
      ? []
      : (unmatchedByUidDay.get(`${meeting.source.uid}\n${utcDay(meeting.source.recurrenceId ?? meeting.start)}`) ?? []);
    const index = candidates.find((i) => !taken.has(i));
    if (index === undefined) {
      cancelling.push(meeting);
      continue;
    }
    taken.add(index);
    const { occurrence } = unmatched[index]!;
    const { recurrenceId: _old, ...source } = meeting.source;
    pushUpdate(steps, doc, meeting, occurrence, meeting.source.calendarId, {
      ...source,
      ...(occurrence.recurrenceId ? { recurrenceId: occurrence.recurrenceId } : {}),
    }, true);
  }

  for (const meeting of cancelling) {
    if (canCancel(doc, meeting)) steps.push({ kind: 'cancel', meetingId: meeting.id, calendarId: meeting.source.calendarId });
  }

  const creating: Creating = {
    ...options,
    matcher: threadMatcher(doc, options),
    withMeetings: new Set(doc.meetings.map((m) => m.threadId)),
    openThreads: new Map(doc.threads.filter((t) => t.status === 'open').map((t) => [t.id, t])),
  };
  for (const [i, { key, occurrence, calendarId }] of unmatched.entries()) {
    await tick();
    if (taken.has(i)) continue;
    const previous = (byKey.get(key) ?? []).at(-1);
    const step = createStep(doc, occurrence, calendarId, previous, creating);
    if (step) steps.push(step);
    else skipped.set(calendarId, (skipped.get(calendarId) ?? 0) + 1);
  }
  // Contacts the new events added to deals already in the store (deals made by this sync carry theirs).
  for (const [threadId, emails] of creating.matcher.addedContacts()) steps.push({ kind: 'contacts', threadId, emails });
  return { steps, skipped };
}

/** Plans and applies in one go, on a document the caller may change (tests, and small one-off syncs). */
export async function reconcile(doc: StoreDocument, feeds: readonly Feed[], options: ReconcileOptions): Promise<Map<string, SyncCounts>> {
  const plan = await planSync(doc, feeds, options);
  const counts = countsFor(feeds, plan);
  applySyncSteps(doc, plan.steps, counts);
  return counts;
}

/** Zero counts per calendar, with the events the plan already knows it skipped. */
export function countsFor(feeds: readonly Feed[], plan: SyncPlan): Map<string, SyncCounts> {
  return new Map(feeds.map((f) => [f.calendarId, { imported: 0, updated: 0, cancelled: 0, skipped: plan.skipped.get(f.calendarId) ?? 0 }]));
}

/** Cancels a planned meeting through the lifecycle rule (planned -> cancelled owes no wrap-up). */
export function cancelByCalendar(doc: StoreDocument, meeting: Meeting): boolean {
  const next = transition(meeting.status, 'cancel', isGated(meeting, doc.settings));
  if (next.ok) meeting.status = next.to;
  return next.ok;
}

const canCancel = (doc: StoreDocument, meeting: Meeting) => transition(meeting.status, 'cancel', isGated(meeting, doc.settings)).ok;

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
 * Plans copying what the calendar owns (time, people, join link) — and, when given, where it comes from — onto a
 * planned meeting. Counted as "updated" when the event changed anything (or `moved`). Internal/external is worked out
 * again only when the people changed, so the rep's own call on it stands.
 */
function pushUpdate(
  steps: SyncStep[],
  doc: StoreDocument,
  meeting: Meeting,
  occurrence: CalendarOccurrence,
  calendarId: string,
  source?: Meeting['source'],
  moved = false,
): void {
  if (meeting.status !== 'planned') return;
  const fields = eventFields(doc, meeting, occurrence);
  if (!fields && !source) return;
  steps.push({
    kind: 'update',
    meetingId: meeting.id,
    calendarId,
    fields: fields ?? {},
    ...(source ? { source } : {}),
    counted: moved || !!fields,
  });
}

/** What the event would change on the meeting, or null when nothing (or when the result would not be valid). */
function eventFields(doc: StoreDocument, meeting: Meeting, occurrence: CalendarOccurrence): Partial<Meeting> | null {
  if (!(occurrence.end > occurrence.start)) return null;
  const peopleChanged = JSON.stringify(meeting.attendees) !== JSON.stringify(occurrence.attendees);
  const next = {
    start: occurrence.start,
    end: occurrence.end,
    attendees: occurrence.attendees,
    ...(peopleChanged ? { internal: isInternal(occurrence, doc.settings.ownDomains) } : {}),
    ...(occurrence.joinUrl ? { joinUrl: occurrence.joinUrl } : {}),
  };
  const changed = (Object.keys(next) as (keyof typeof next)[]).some((k) => JSON.stringify(meeting[k]) !== JSON.stringify(next[k]));
  if (!changed || !Meeting.safeParse({ ...meeting, ...next }).success) return null;
  return next;
}

/** What creating meetings shares across one sync: the thread index and which threads have meetings already. */
interface Creating extends ReconcileOptions {
  matcher: ThreadMatcher;
  withMeetings: Set<string>;
  openThreads: Map<string, Thread>;
}

/** A new planned meeting for an event; it carries the prep of an earlier meeting for the same event, if any. */
function createStep(
  doc: StoreDocument,
  occurrence: CalendarOccurrence,
  calendarId: string,
  previous: Meeting | undefined,
  options: Creating,
): SyncStep | null {
  if (!(occurrence.end > occurrence.start)) return null;
  const internal = isInternal(occurrence, doc.settings.ownDomains);
  const previousThread = previous && options.openThreads.get(previous.threadId);
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
  // checks what changed once more before it writes.
  if (choice.created && !Thread.safeParse(choice.thread).success) return null;
  if (choice.created) options.matcher.adopt(choice.thread);
  options.withMeetings.add(choice.thread.id);
  return { kind: 'create', meeting, calendarId, ...(choice.created ? { thread: choice.thread } : {}) };
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
