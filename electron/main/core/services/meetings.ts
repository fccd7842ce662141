// Runs in Node (main and preview). Prep: create and edit deal threads and their meetings — the point (purpose),
// the ideal outcome, the "why us" note and the agenda — and the review's read model.
import type { Handlers, MethodInput } from '../../../../shared/contract';
import { plannedMeeting, type AgendaItem, type StoreDocument, type Thread } from '../../../../shared/domain';
import { pendingWrapUps } from '../../../../shared/rules/wrap-up-gate';
import { conflict } from '../errors';
import { findMeeting, findThread, newId, type ServiceContext } from './context';

type AgendaInput = MethodInput<'createMeeting'>['agenda'];

const toAgenda = (items: AgendaInput): AgendaItem[] =>
  items.map((item) => ({
    id: item.id ?? newId(),
    text: item.text,
    done: item.done ?? false,
    ...(item.minutes !== undefined ? { minutes: item.minutes } : {}),
  }));

function threadFor(doc: StoreDocument, input: MethodInput<'createMeeting'>, now: string): Thread {
  if (input.threadId) {
    const thread = findThread(doc, input.threadId);
    if (thread.status !== 'open') {
      throw conflict(`The deal with ${thread.account} is closed (${thread.status}). Start a new deal to plan a meeting.`);
    }
    return thread;
  }
  return newThread(doc, input.account!, now); // the contract requires an account when no thread is given
}

export function newThread(doc: StoreDocument, account: string, now: string): Thread {
  const thread: Thread = { id: newId(), title: account, account, contacts: [], status: 'open', createdAt: now, notes: '' };
  doc.threads.push(thread);
  return thread;
}

/** The open deal with this account (named the same, case aside), or a new one. */
export const openThreadFor = (doc: StoreDocument, account: string, now: string): Thread =>
  doc.threads.find((t) => t.status === 'open' && t.account.trim().toLowerCase() === account.trim().toLowerCase()) ??
  newThread(doc, account, now);

export function meetingsService(ctx: ServiceContext) {
  return {
    async getReview() {
      const doc = await ctx.store.whole();
      return {
        threads: doc.threads,
        meetings: [...doc.meetings].sort((a, b) => a.start.localeCompare(b.start)),
        nextSteps: [...doc.nextSteps].sort((a, b) => a.when.localeCompare(b.when)),
        pendingWrapUpIds: pendingWrapUps(doc).map((m) => m.id),
      };
    },

    createMeeting: (input) =>
      ctx.mutate((doc) => {
        const thread = threadFor(doc, input, ctx.nowIso());
        const { threadId: _t, account: _a, agenda, joinUrl, ...fields } = input;
        const meeting = plannedMeeting({
          ...fields,
          id: newId(),
          threadId: thread.id,
          agenda: toAgenda(agenda),
          ...(joinUrl ? { joinUrl } : {}),
          source: { kind: 'manual' },
        });
        doc.meetings.push(meeting);
        return meeting;
      }),

    updateMeeting: ({ id, agenda, ...fields }) =>
      ctx.mutate((doc) => {
        const meeting = findMeeting(doc, id);
        if (meeting.status === 'cancelled') throw conflict('This meeting was cancelled, so it cannot be edited.');
        const start = fields.start ?? meeting.start;
        const end = fields.end ?? meeting.end;
        if (end <= start) throw conflict('The meeting must end after it starts.');
        Object.assign(meeting, Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)));
        if (agenda) meeting.agenda = toAgenda(agenda);
        return meeting;
      }),
  } satisfies Pick<Handlers, 'getReview' | 'createMeeting' | 'updateMeeting'>;
}
