// Runs everywhere. Which meeting "start next meeting" means right now: one already under way on the calendar, or
// the next one starting within the hour — never a call from yesterday or next week.
import type { Meeting, StoreDocument } from '../domain';
import { openMeetings } from './open-meetings';

const MINUTE = 60_000;
/** How early a call may be started, and how far ahead "next" reaches. */
export const START_WINDOW_MINUTES = 60;

export function meetingToStart(doc: StoreDocument, now: number): Meeting | null {
  const candidates = openMeetings(doc).filter(
    (m) => m.status === 'planned' && Date.parse(m.end) > now && Date.parse(m.start) - START_WINDOW_MINUTES * MINUTE <= now,
  );
  // Closest start first: the call due now beats one that began 40 minutes ago and is almost over.
  candidates.sort((a, b) => Math.abs(Date.parse(a.start) - now) - Math.abs(Date.parse(b.start) - now) || a.id.localeCompare(b.id));
  return candidates[0] ?? null;
}
