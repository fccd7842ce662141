// Runs everywhere. The meetings that are not over and done with: planned, live, owing a wrap-up (or a no-show's).
// Everything about the present — the live call, reminders, the wrap-up gate, "did this call happen?" — looks only
// at these, and after years of calls they are a few dozen among tens of thousands. So they are picked out once per
// document and remembered: a frozen document (every one the store hands out) is never changed in place, and a change
// asks this many times.
import type { Meeting, StoreDocument } from '../domain';

const openByDocument = new WeakMap<readonly Meeting[], readonly Meeting[]>();

/** `doc.meetings` without the finished ones (done, cancelled), in the same order. */
export function openMeetings(doc: Pick<StoreDocument, 'meetings'>): readonly Meeting[] {
  const all = doc.meetings;
  // Keyed by the array: a change that leaves the meetings alone (a setting, a step) keeps the answer.
  const frozen = Object.isFrozen(doc);
  const known = frozen ? openByDocument.get(all) : undefined;
  if (known) return known;
  const open = all.filter((m) => m.status !== 'done' && m.status !== 'cancelled');
  if (frozen) openByDocument.set(all, Object.freeze(open));
  return open;
}

/** The call in progress, if any. */
export const liveMeeting = (doc: Pick<StoreDocument, 'meetings'>): Meeting | null => openMeetings(doc).find((m) => m.status === 'live') ?? null;
