// Runs everywhere. The lookups every review query needs (a deal's meetings, a call's next step…), built once per
// question in one pass over the document, so a year of ~2,000 meetings is read in linear time instead of once per row.
// Never cached across calls: the store mutates its document in place.
import type { Meeting, NextStep, StoreDocument, Thread } from '../../domain';
import { pendingWrapUps } from '../wrap-up-gate';
import { localCalendar, type LocalCalendar } from '../local-days';

export interface ReviewIndex {
  doc: StoreDocument;
  now: number;
  calendar: LocalCalendar;
  threadById: Map<string, Thread>;
  meetingById: Map<string, Meeting>;
  /** A deal's meetings, earliest start first. */
  meetingsByThread: Map<string, Meeting[]>;
  /** A deal's next steps, in the order they were logged. */
  stepsByThread: Map<string, NextStep[]>;
  /** The step logged from a call (its wrap-up), if any. */
  stepFromMeeting: Map<string, NextStep>;
  /** Calls owing a wrap-up. */
  pendingWrapUpIds: Set<string>;
}

/** Orders ids by their characters: far cheaper than `localeCompare`, which asks ICU's collator and dominated sorting
 * a year of meetings. */
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Orders ISO instants by time. The store writes UTC (`…Z`), which sorts as text; an instant written with an offset
 * (an import, an older file) is parsed. */
export const compareInstants = (a: string, b: string): number =>
  a.length === b.length && a.endsWith('Z') && b.endsWith('Z') ? compareText(a, b) : Date.parse(a) - Date.parse(b) || compareText(a, b);

const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

export function reviewIndex(doc: StoreDocument, now: number, timeZone?: string): ReviewIndex {
  const meetingsByThread = new Map<string, Meeting[]>();
  for (const meeting of doc.meetings) push(meetingsByThread, meeting.threadId, meeting);
  for (const list of meetingsByThread.values()) list.sort((a, b) => compareInstants(a.start, b.start) || compareText(a.id, b.id));

  const stepsByThread = new Map<string, NextStep[]>();
  const stepFromMeeting = new Map<string, NextStep>();
  for (const step of doc.nextSteps) {
    push(stepsByThread, step.threadId, step);
    // Only one step clears a wrap-up; should a call have more (an old import), its latest speaks for it.
    const earlier = stepFromMeeting.get(step.fromMeetingId);
    if (!earlier || compareInstants(earlier.createdAt, step.createdAt) <= 0) stepFromMeeting.set(step.fromMeetingId, step);
  }
  for (const list of stepsByThread.values()) list.sort((a, b) => compareInstants(a.createdAt, b.createdAt) || compareText(a.id, b.id));

  return {
    doc,
    now,
    calendar: localCalendar(timeZone),
    threadById: new Map(doc.threads.map((t) => [t.id, t])),
    meetingById: new Map(doc.meetings.map((m) => [m.id, m])),
    meetingsByThread,
    stepsByThread,
    stepFromMeeting,
    pendingWrapUpIds: new Set(pendingWrapUps(doc).map((m) => m.id)),
  };
}

/** A call that actually took place: started live, or reported held afterwards (a no-show has no start). */
export const wasHeld = (meeting: Meeting): boolean =>
  meeting.startedAt !== undefined && (meeting.status === 'done' || meeting.status === 'wrapping-up' || meeting.status === 'live');

/** A meeting-kind step is kept once the meeting it planned takes place, whether or not the rep ticks it off. */
export function isKept(step: NextStep, index: Pick<ReviewIndex, 'meetingById'>): boolean {
  if (step.status === 'done') return true;
  if (step.status !== 'open' || !step.plannedMeetingId) return false;
  const planned = index.meetingById.get(step.plannedMeetingId);
  return !!planned && wasHeld(planned);
}

/** Still to be done: open, not kept by its meeting, and its deal not closed. */
export function isOutstanding(step: NextStep, index: Pick<ReviewIndex, 'meetingById' | 'threadById'>): boolean {
  return step.status === 'open' && !isKept(step, index) && index.threadById.get(step.threadId)?.status === 'open';
}

/** The date the step was first agreed for (before any reschedule): what was promised on the call. */
export const agreedWhen = (step: NextStep): string => step.history.find((c) => c.action === 'rescheduled')?.from ?? step.when;

/** The account of a deal, or a plain stand-in when the deal is missing from the file. */
export const accountOf = (index: Pick<ReviewIndex, 'threadById'>, threadId: string): string =>
  index.threadById.get(threadId)?.account ?? 'Unknown account';
