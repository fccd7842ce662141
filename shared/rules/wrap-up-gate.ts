// Runs everywhere. The wrap-up gate: a call's wrap-up may be dismissed only when the store holds a valid next step
// logged from that call, or the deal thread was explicitly closed out. "Cannot be dismissed" is this persisted
// state, never a window flag — so a crash, a kill or a restart cannot lose it.
import { NextStep, type Meeting, type Settings, type StoreDocument } from '../domain';
import { OWES_WRAP_UP } from './lifecycle';
import { liveMeeting, openMeetings } from './open-meetings';

export type Satisfaction = { satisfied: true; by: 'next-step' | 'close-out' } | { satisfied: false };

/** Internal meetings are not gated unless the rep asks for it. */
export const isGated = (meeting: Pick<Meeting, 'internal'>, settings: Pick<Settings, 'gateInternalMeetings'>) =>
  !meeting.internal || settings.gateInternalMeetings;

export function wrapUpSatisfaction(doc: StoreDocument, meetingId: string): Satisfaction {
  const meeting = doc.meetings.find((m) => m.id === meetingId);
  if (!meeting) return { satisfied: false };
  const thread = doc.threads.find((t) => t.id === meeting.threadId);
  if (thread?.closeOut) return { satisfied: true, by: 'close-out' };
  const logged = doc.nextSteps.some((s) => s.fromMeetingId === meetingId && NextStep.safeParse(s).success);
  return logged ? { satisfied: true, by: 'next-step' } : { satisfied: false };
}

/** Meetings owing a wrap-up, oldest call first: back-to-back calls are cleared in the order they ended. One pass
 * over each collection (asking `wrapUpSatisfaction` per owed meeting would walk them all once per meeting), and
 * remembered per document: the store's documents are frozen, and every change asks this several times. */
export function pendingWrapUps(doc: StoreDocument): readonly Meeting[] {
  const known = Object.isFrozen(doc) ? pendingByDocument.get(doc) : undefined;
  if (known) return known;
  const owing = openMeetings(doc).filter((m) => OWES_WRAP_UP.includes(m.status));
  const pending = owing.length === 0 ? owing : unsatisfied(doc, owing);
  pending.sort((a, b) => (a.endedAt ?? a.end).localeCompare(b.endedAt ?? b.end) || a.id.localeCompare(b.id));
  if (Object.isFrozen(doc)) pendingByDocument.set(doc, Object.freeze(pending));
  return pending;
}

const pendingByDocument = new WeakMap<StoreDocument, readonly Meeting[]>();

/** The owed meetings `wrapUpSatisfaction` would call unsatisfied, found in one pass over the threads and one over
 * the steps. Like it, the first thread under an id is the one that counts; a meeting's id is its own (ids are unique
 * in a stored document). */
function unsatisfied(doc: StoreDocument, owing: Meeting[]): Meeting[] {
  const ids = new Set(owing.map((m) => m.id));
  const closedOut = firstBy(doc.threads, new Set(owing.map((m) => m.threadId)), (t) => t.closeOut !== undefined);
  const logged = new Set<string>();
  for (const s of doc.nextSteps) {
    if (ids.has(s.fromMeetingId) && !logged.has(s.fromMeetingId) && NextStep.safeParse(s).success) logged.add(s.fromMeetingId);
  }
  return owing.filter((m) => !closedOut.get(m.threadId) && !logged.has(m.id));
}

/** For each wanted id, `pick` of the first record carrying it. */
function firstBy<R extends { id: string }, T>(records: readonly R[], wanted: ReadonlySet<string>, pick: (r: R) => T): Map<string, T> {
  const out = new Map<string, T>();
  for (const r of records) if (wanted.has(r.id) && !out.has(r.id)) out.set(r.id, pick(r));
  return out;
}

/** The wrap-up to put in front of the rep now — never while a call is live (it would cover the video). */
export function wrapUpToShow(doc: StoreDocument): Meeting | null {
  if (liveMeeting(doc)) return null;
  return pendingWrapUps(doc)[0] ?? null;
}

export type CloseCause =
  | 'user-close' // the rep clicked the window's close button or pressed its shortcut
  | 'user-quit' // the rep quit the app (menu, tray, Cmd+Q)
  | 'os-shutdown' // the OS is shutting down or logging out
  | 'renderer-gone'; // the window's renderer crashed or was killed

export type CloseDecision =
  | 'allow' // let it close
  | 'prevent' // keep it open and say why (for quit: cancel the quit and show the wrap-up)
  | 'recreate' // the page died: build the window again
  | 'defer'; // still owed, but a call is live: keep it out of sight (the overlay counts it) until the call ends

/** What the wrap-up window does when something tries to take it away. Shutdown is never blocked: the pending
 * state is on disk, so the wrap-up reopens on the next start. A wrap-up never covers a live call. */
export function wrapUpCloseDecision(cause: CloseCause, pending: boolean, callLive = false): CloseDecision {
  if (!pending || cause === 'os-shutdown') return 'allow';
  if (callLive) return 'defer';
  return cause === 'renderer-gone' ? 'recreate' : 'prevent';
}
