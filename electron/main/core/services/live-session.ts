// Runs in Node (main and preview). The call itself: start it, confirm (and re-confirm) its point with the
// prospect, walk the agenda, end it. Ending a gated call persists the pending wrap-up before anything is shown.
import type { Handlers } from '../../../../shared/contract';
import type { StoreDocument } from '../../../../shared/domain';
import { isGated, pendingWrapUps } from '../../../../shared/rules/wrap-up-gate';
import { conflict, invalid } from '../errors';
import { advance, findMeeting, findThread, type ServiceContext } from './context';

const liveMeeting = (doc: StoreDocument) => doc.meetings.find((m) => m.status === 'live') ?? null;

function findLive(doc: StoreDocument, id: string) {
  const meeting = findMeeting(doc, id);
  if (meeting.status !== 'live') throw conflict('This call is not in progress.');
  return meeting;
}

export function liveSessionService(ctx: ServiceContext) {
  return {
    async getLive() {
      const doc = ctx.store.data;
      const meeting = liveMeeting(doc);
      if (!meeting) return null;
      return { meeting, thread: findThread(doc, meeting.threadId), waitingWrapUps: pendingWrapUps(doc).length };
    },

    async startMeeting({ id }) {
      const meeting = await ctx.mutate((doc) => {
        const live = liveMeeting(doc);
        if (live && live.id !== id) throw conflict(`End your call “${live.title}” before starting another.`);
        const target = findMeeting(doc, id);
        advance(doc, target, 'start');
        target.startedAt = ctx.nowIso();
        return target;
      });
      // A wrap-up still owed from an earlier call must not cover this one: it waits until this call ends.
      if (pendingWrapUps(ctx.store.data).length > 0) ctx.emit('window', { window: 'wrapup', action: 'hide' });
      ctx.emit('window', { window: 'overlay', action: 'show' });
      return meeting;
    },

    confirmPurpose: ({ meetingId, kind, result, adjustedPurpose }) =>
      ctx.mutate((doc) => {
        const meeting = findLive(doc, meetingId);
        if (kind === 'reconfirm' && !meeting.confirmations.some((c) => c.kind === 'confirm')) {
          throw invalid({ kind: 'Confirm the purpose first; re-confirm it later in the call.' });
        }
        meeting.confirmations.push({
          kind,
          at: ctx.nowIso(),
          result,
          ...(result === 'adjusted' ? { adjustedPurpose } : {}),
        });
        if (result === 'adjusted' && adjustedPurpose) meeting.purpose = adjustedPurpose;
        return meeting;
      }),

    setAgendaItemDone: ({ meetingId, itemId, done }) =>
      ctx.mutate((doc) => {
        const meeting = findLive(doc, meetingId);
        const item = meeting.agenda.find((i) => i.id === itemId);
        if (!item) throw invalid({ itemId: 'That agenda item is not on this meeting’s agenda.' });
        item.done = done;
        return meeting;
      }),

    async endCall({ meetingId }) {
      const meeting = await ctx.mutate((doc) => {
        const target = findMeeting(doc, meetingId);
        advance(doc, target, 'end');
        target.endedAt = ctx.nowIso();
        // The step that planned this meeting has now happened.
        const origin = target.source.kind === 'next-step' ? target.source.nextStepId : null;
        const step = doc.nextSteps.find((s) => s.id === origin);
        if (step?.status === 'open') step.status = 'done';
        return target;
      });
      // Only now, with the pending wrap-up on disk, do the windows change.
      ctx.emit('window', { window: 'overlay', action: 'hide' });
      if (isGated(meeting, ctx.store.data.settings)) ctx.emit('window', { window: 'wrapup', action: 'show' });
      return meeting;
    },
  } satisfies Pick<Handlers, 'getLive' | 'startMeeting' | 'confirmPurpose' | 'setAgendaItemDone' | 'endCall'>;
}
