// Runs in the main process and the preview host (Node). Which records are settled history — done with, so they
// leave the live document (and its small file) for a per-year archive file (see split-files.ts and history.ts) — and
// the year that files them. Pure rules, property-tested: a record that could still change in the normal course of
// work never qualifies, and a record something live refers to stays live with it, so every lookup the services make
// from a live record (a meeting's deal, a step's meeting) finds its answer in the live document.
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
  settledMeetings: { has(id: string): boolean };
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

type AnyRecord = Thread | Meeting | NextStep;
export type Ref = readonly [ArchivedCollection, string];

/** The records `record` refers to by id: what a service looks up from it. */
export function referencesOf(collection: ArchivedCollection, record: AnyRecord): Ref[] {
  switch (collection) {
    case 'meetings': {
      const m = record as Meeting;
      return m.source.kind === 'next-step' ? [['threads', m.threadId], ['nextSteps', m.source.nextStepId]] : [['threads', m.threadId]];
    }
    case 'nextSteps': {
      const s = record as NextStep;
      const refs: Ref[] = [['threads', s.threadId], ['meetings', s.fromMeetingId]];
      if (s.plannedMeetingId !== undefined) refs.push(['meetings', s.plannedMeetingId]);
      return refs;
    }
    case 'threads': {
      const t = record as Thread;
      return t.closeOut?.meetingId !== undefined ? [['meetings', t.closeOut.meetingId]] : [];
    }
  }
}

/** Which records of the live document `doc` move into the archive now, with their year, per collection. Each must
 * be settled (`settledYear`), and nothing that stays live may refer to it: those stay, and what they refer to in
 * turn. `archivedMeetings` are the meetings in the archive already (an open step whose booked meeting is one of them
 * was kept long ago). */
export function settlingNow(
  doc: StoreDocument,
  now: number,
  archivedMeetings: { has(id: string): boolean },
): Map<ArchivedCollection, Map<string, number>> {
  const moving = new Map<ArchivedCollection, Map<string, number>>(ARCHIVED.map((c) => [c, new Map()]));
  const settling = new Set<string>();
  const settledMeetings = { has: (id: string) => settling.has(id) || archivedMeetings.has(id) };
  const ctx: SettleContext = { owed: owedMeetings(doc), settledMeetings };
  // Meetings first: whether an open step is settled depends on the meeting it booked.
  for (const c of ['meetings', 'nextSteps', 'threads'] as const) {
    for (const record of doc[c] as readonly AnyRecord[]) {
      const year = settledYear(c, record, now, ctx);
      if (year === null) continue;
      moving.get(c)!.set(record.id, year);
      if (c === 'meetings') settling.add(record.id);
    }
  }
  // What stays refers to what it needs: walk those references from every record that stays (and every draft).
  const byId = new Map<ArchivedCollection, Map<string, AnyRecord>>(
    ARCHIVED.map((c) => [c, new Map((doc[c] as readonly AnyRecord[]).map((r) => [r.id, r]))]),
  );
  const staying: [ArchivedCollection, AnyRecord][] = [];
  for (const c of ARCHIVED) for (const r of doc[c] as readonly AnyRecord[]) if (!moving.get(c)!.has(r.id)) staying.push([c, r]);
  const keep = ([c, id]: Ref) => {
    if (!moving.get(c)!.delete(id)) return;
    staying.push([c, byId.get(c)!.get(id)!]);
  };
  for (const draft of doc.drafts) keep(['meetings', draft.meetingId]);
  while (staying.length > 0) {
    const [c, record] = staying.pop()!;
    for (const ref of referencesOf(c, record)) keep(ref);
  }
  return moving;
}
