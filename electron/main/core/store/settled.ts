// Runs in the main process and the preview host (Node). Which records are settled history — done with, so they can
// leave the small live file for a per-year archive file (see split-files.ts) — and the year that files them. One
// pure rule, property-tested: a record that could still change in the normal course of work never qualifies. Where a
// record is filed only decides which file a change to it rewrites: the document in memory is whole either way.
import type { Meeting, NextStep, StoreDocument, Thread } from '../../../../shared/domain';

/** How long a finished record stays in the live file: late edits (a note added, an outcome corrected) stay cheap. */
export const SETTLE_AFTER_MS = 60 * 86_400_000;

export type ArchivedCollection = 'threads' | 'meetings' | 'nextSteps';
export const ARCHIVED: readonly ArchivedCollection[] = ['threads', 'meetings', 'nextSteps'];

const FINISHED_MEETING = new Set<Meeting['status']>(['done', 'cancelled', 'no-show']);

/** What the rule needs to know beyond the record itself. */
export interface SettleContext {
  /** Meetings a wrap-up draft still refers to: the rep owes them something. */
  owed: ReadonlySet<string>;
  /** Meetings that are settled (archived already or settling now). */
  settledMeetings: ReadonlySet<string>;
}

const NO_CONTEXT: SettleContext = { owed: new Set(), settledMeetings: new Set() };

/** The moment after which the record is settled history, or null while it may still need the rep. */
function finishedAt(collection: ArchivedCollection, record: Thread | Meeting | NextStep, ctx: SettleContext): string | null {
  switch (collection) {
    case 'meetings': {
      const m = record as Meeting;
      return FINISHED_MEETING.has(m.status) ? m.end : null;
    }
    case 'nextSteps': {
      const s = record as NextStep;
      // An open step whose booked meeting has itself settled was kept: that meeting took place long ago.
      const kept = s.plannedMeetingId !== undefined && ctx.settledMeetings.has(s.plannedMeetingId);
      return s.status === 'open' && !kept ? null : s.when;
    }
    case 'threads': {
      const t = record as Thread;
      return t.status !== 'open' && t.closeOut ? t.closeOut.at : null;
    }
  }
}

/** The archive year of a settled record (UTC year of the moment it finished), or null when it is not settled. */
export function settledYear(
  collection: ArchivedCollection,
  record: Thread | Meeting | NextStep,
  now: number,
  ctx: SettleContext = NO_CONTEXT,
): number | null {
  const at = finishedAt(collection, record, ctx);
  if (at === null) return null;
  const ms = Date.parse(at);
  if (!Number.isFinite(ms) || now - ms <= SETTLE_AFTER_MS) return null;
  // A meeting that still has a wrap-up draft is owed something by the rep: it stays live.
  if (collection === 'meetings' && ctx.owed.has(record.id)) return null;
  return new Date(ms).getUTCFullYear();
}

/** The meeting ids a wrap-up draft still refers to. */
export const owedMeetings = (doc: StoreDocument): Set<string> => new Set(doc.drafts.map((d) => d.meetingId));
