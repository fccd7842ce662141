// Runs in Node (main and preview), inside one store change. Applies planned calendar steps (reconcile.ts) to the
// document as it is NOW — the rep may have typed prep, or started a call, since the plan was made, and an earlier
// part of a big sync may already be saved. So each step checks again before it acts, and each one is whole on its
// own: a sync stopped between two changes leaves valid data, and the next sync plans only what is still missing.
//  - An update writes only what the calendar owns (time, people, join link, where the event comes from) onto a
//    meeting that is still planned: prep typed meanwhile stays.
//  - A create is skipped when a meeting for that event already exists (never a duplicate); a deal thread it brings
//    is added with it, once.
// Lookups go through the plain arrays behind the draft, so a change costs about as much as the records it touches.
import { isDraft, original, type Draft } from 'immer';
import type { Meeting, StoreDocument, Thread } from '../../../../shared/domain';
import { transition } from '../../../../shared/rules/lifecycle';
import { isGated } from '../../../../shared/rules/wrap-up-gate';
import { occurrenceKey } from './parse-calendar';

export type SyncStep =
  | { kind: 'update'; meetingId: string; calendarId: string; fields: Partial<Meeting>; source?: Meeting['source']; counted: boolean }
  | { kind: 'cancel'; meetingId: string; calendarId: string }
  | { kind: 'create'; meeting: Meeting; calendarId: string; thread?: Thread }
  | { kind: 'contacts'; threadId: string; emails: string[] };

/** What a sync did, per calendar. */
export interface SyncCounts {
  imported: number;
  updated: number;
  cancelled: number;
  skipped: number;
}

const MAX_CONTACTS = 50;

/** The plain array behind a (possibly draft) array: reading it touches nothing. */
export const plain = <T>(list: T[]): T[] => (isDraft(list) ? (original(list as unknown as Draft<unknown[]>) as T[]) : list);

const keyOf = (m: Meeting) => (m.source.kind === 'calendar' ? occurrenceKey(m.source.uid, m.source.recurrenceId) : undefined);

/** Applies `steps` to `doc`, adding what happened to `counts` (per calendar). */
export function applySyncSteps(doc: StoreDocument, steps: readonly SyncStep[], counts: Map<string, SyncCounts>): void {
  const count = (calendarId: string, what: keyof SyncCounts) => {
    const c = counts.get(calendarId);
    if (c) c[what] += 1;
  };
  const meetings = plain(doc.meetings);
  const meetingAt = new Map(meetings.map((m, i) => [m.id, i]));
  const threadAt = new Map(plain(doc.threads).map((t, i) => [t.id, i]));
  const activeKeys = new Set(meetings.filter((m) => m.status !== 'cancelled').flatMap((m) => keyOf(m) ?? []));
  /** The record to change, from the draft (touching only it), if it still exists. */
  const meetingOf = (id: string) => {
    const at = meetingAt.get(id);
    return at === undefined ? undefined : doc.meetings[at];
  };

  for (const step of steps) {
    switch (step.kind) {
      case 'update': {
        const meeting = meetingOf(step.meetingId);
        if (!meeting || meeting.status !== 'planned') break;
        if (step.source) meeting.source = step.source;
        Object.assign(meeting, step.fields);
        if (step.counted) count(step.calendarId, 'updated');
        break;
      }
      case 'cancel': {
        const meeting = meetingOf(step.meetingId);
        if (!meeting) break;
        const next = transition(meeting.status, 'cancel', isGated(meeting, doc.settings));
        if (!next.ok) break;
        meeting.status = next.to;
        count(step.calendarId, 'cancelled');
        break;
      }
      case 'create': {
        if (step.thread && !threadAt.has(step.thread.id)) {
          threadAt.set(step.thread.id, doc.threads.length);
          doc.threads.push(step.thread);
        }
        const key = keyOf(step.meeting);
        if ((key && activeKeys.has(key)) || meetingAt.has(step.meeting.id) || !threadAt.has(step.meeting.threadId)) {
          count(step.calendarId, 'skipped');
          break;
        }
        if (key) activeKeys.add(key);
        meetingAt.set(step.meeting.id, doc.meetings.length);
        doc.meetings.push(step.meeting);
        count(step.calendarId, 'imported');
        break;
      }
      case 'contacts': {
        const at = threadAt.get(step.threadId);
        const thread = at === undefined ? undefined : doc.threads[at];
        if (!thread) break;
        const known = new Set(thread.contacts.map((c) => c.toLowerCase()));
        const fresh = step.emails.filter((e) => !known.has(e)).slice(0, Math.max(0, MAX_CONTACTS - thread.contacts.length));
        if (fresh.length) thread.contacts.push(...fresh);
        break;
      }
    }
  }
}
