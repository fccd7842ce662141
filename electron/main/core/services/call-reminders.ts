// Runs in Node (main and preview). At a planned call's start the core says so once (`due` event): the Electron host
// shows a notification offering "Join & start" or "Start"; a window may offer the same. One timer on the core's
// clock; each call is announced once per run.
import { dueCalls, nextDueAt } from '../../../../shared/rules/due-calls';
import type { Meeting } from '../../../../shared/domain';
import { findThread, type ServiceContext } from './context';

const httpsOnly = (url: string | undefined) => (url?.startsWith('https://') ? url : null);

export function startCallReminders(ctx: ServiceContext): void {
  const announced = new Set<string>();
  const announce = (meeting: Meeting) => {
    announced.add(meeting.id);
    const thread = findThread(ctx.store.data, meeting.threadId);
    ctx.emit('due', {
      meetingId: meeting.id,
      title: meeting.title,
      account: thread.account,
      purpose: meeting.purpose,
      joinUrl: httpsOnly(meeting.joinUrl),
    });
  };

  let cancel = () => {};
  function arm(): void {
    cancel();
    const now = ctx.clock.now();
    for (const meeting of dueCalls(ctx.store.data, now)) if (!announced.has(meeting.id)) announce(meeting);
    const at = nextDueAt(ctx.store.data, now);
    if (at !== null) cancel = ctx.clock.at(at, arm);
  }
  ctx.onChanged(arm);
  // The first look waits a tick, so a call already due at start-up reaches the host that subscribes right after
  // `createCore` returns.
  const first = setTimeout(arm, 0);
  ctx.onClose(() => {
    clearTimeout(first);
    cancel();
  });
}
