// Runs everywhere. Which planned calls are due to start now: their start has come within the last few minutes and
// they have not ended. A call long past its start is the "did this call happen?" question's business instead.
import type { Meeting, StoreDocument } from '../domain';
import { openMeetings } from './open-meetings';

const MINUTE = 60_000;
/** How late after its start a call is still offered as "starting now". */
export const DUE_GRACE_MINUTES = 10;

export function dueCalls(doc: StoreDocument, now: number): Meeting[] {
  return openMeetings(doc).filter(
    (m) => m.status === 'planned' && Date.parse(m.start) <= now && now < Date.parse(m.start) + DUE_GRACE_MINUTES * MINUTE && now < Date.parse(m.end),
  );
}

/** When the next planned call starts (to offer it then), or null. */
export function nextDueAt(doc: StoreDocument, now: number): number | null {
  const starts = openMeetings(doc).filter((m) => m.status === 'planned').map((m) => Date.parse(m.start)).filter((s) => s > now);
  return starts.length ? Math.min(...starts) : null;
}
