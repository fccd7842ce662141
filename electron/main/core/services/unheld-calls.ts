// Runs in Node (main and preview). "Did this call happen?" for external calls whose end passed without being
// started: held (its wrap-up is then owed as usual), a no-show (owes a reschedule step or a close-out), or moved to
// a new time. A timer on the core's clock asks the moment a call's end passes.
import type { Handlers } from '../../../../shared/contract';
import { nextUnheldAt, unheldCalls } from '../../../../shared/rules/unheld-calls';
import { conflict, invalid } from '../errors';
import { advance, findMeeting, findThread, type ServiceContext } from './context';
import { liveMeeting } from '../../../../shared/rules/open-meetings';

export function unheldCallsService(ctx: ServiceContext) {
  const isLive = () => liveMeeting(ctx.store.data) !== null;

  let cancel = () => {};
  function arm(): void {
    cancel();
    const at = nextUnheldAt(ctx.store.data, ctx.clock.now());
    if (at === null) return;
    cancel = ctx.clock.at(at, () => {
      ctx.emit('changed', { revision: ctx.revision() });
      if (!isLive()) ctx.emit('window', { window: 'wrapup', action: 'show' });
      arm();
    });
  }
  ctx.onChanged(arm);
  arm();

  return {
    async getUnheldCalls() {
      const doc = ctx.store.data;
      return unheldCalls(doc, ctx.clock.now()).map((meeting) => ({ meeting, thread: findThread(doc, meeting.threadId) }));
    },

    async reportUnheldCall({ meetingId, happened, start, end }) {
      const meeting = await ctx.mutate((doc) => {
        const meeting = findMeeting(doc, meetingId);
        if (!unheldCalls(doc, ctx.clock.now()).some((m) => m.id === meetingId)) {
          throw conflict('This call is not waiting for an answer any more.');
        }
        if (happened === 'moved') {
          if (!start || !end) throw invalid({ start: 'Give the new start and end.' });
          if (Date.parse(start) <= ctx.clock.now()) throw invalid({ start: 'Pick a new time in the future.' });
          meeting.start = start;
          meeting.end = end;
          return meeting;
        }
        advance(doc, meeting, happened === 'held' ? 'held' : 'no-show');
        if (happened === 'held') {
          meeting.startedAt = meeting.start;
          meeting.endedAt = meeting.end;
        }
        return meeting;
      });
      if (meeting.status !== 'planned' && !isLive()) ctx.emit('window', { window: 'wrapup', action: 'show' });
      return meeting;
    },
  } satisfies Pick<Handlers, 'getUnheldCalls' | 'reportUnheldCall'>;
}
