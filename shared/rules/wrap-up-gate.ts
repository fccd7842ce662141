// Runs everywhere. The wrap-up gate: a call's wrap-up may be dismissed only when the store holds a valid next step
// logged from that call, or the deal thread was explicitly closed out. "Cannot be dismissed" is this persisted
// state, never a window flag — so a crash, a kill or a restart cannot lose it.
import { NextStep, type Meeting, type Settings, type StoreDocument } from '../domain';
import { OWES_WRAP_UP } from './lifecycle';

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

/** Meetings owing a wrap-up, oldest call first: back-to-back calls are cleared in the order they ended. */
export function pendingWrapUps(doc: StoreDocument): Meeting[] {
  return doc.meetings
    .filter((m) => OWES_WRAP_UP.includes(m.status) && !wrapUpSatisfaction(doc, m.id).satisfied)
    .sort((a, b) => (a.endedAt ?? a.end).localeCompare(b.endedAt ?? b.end) || a.id.localeCompare(b.id));
}

/** The wrap-up to put in front of the rep now — never while a call is live (it would cover the video). */
export function wrapUpToShow(doc: StoreDocument): Meeting | null {
  if (doc.meetings.some((m) => m.status === 'live')) return null;
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
