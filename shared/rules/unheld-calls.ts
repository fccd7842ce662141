// Runs everywhere. Calls whose time has passed without being started: the app cannot know whether they happened
// (the rep may have taken them on the phone), so it asks — held, a no-show, or moved. Only gated meetings ask:
// a cancelled or an internal (ungated) meeting raises nothing.
import type { Meeting, StoreDocument } from '../domain';
import { isGated } from './wrap-up-gate';
import { openMeetings } from './open-meetings';

export function unheldCalls(doc: StoreDocument, now: number): Meeting[] {
  return openMeetings(doc)
    .filter((m) => m.status === 'planned' && isGated(m, doc.settings) && Date.parse(m.end) <= now)
    .sort((a, b) => a.end.localeCompare(b.end));
}

/** When the next planned, gated call's end will pass (to ask about it then), or null. */
export function nextUnheldAt(doc: StoreDocument, now: number): number | null {
  const ends = openMeetings(doc)
    .filter((m) => m.status === 'planned' && isGated(m, doc.settings))
    .map((m) => Date.parse(m.end))
    .filter((end) => end > now);
  return ends.length ? Math.min(...ends) : null;
}
