// Runs everywhere. The meeting lifecycle as one pure transition table:
//   planned -> live -> wrapping-up -> done;  planned -> cancelled (calendar);  planned -> no-show -> done.
// Ungated meetings (internal ones, unless the rep turns gating on) skip the wrap-up and go straight to done.
import type { MeetingStatus } from '../domain';

export type LifecycleEvent =
  | 'start' // the rep starts the call
  | 'end' // the rep ends the call
  | 'held' // a call that was never started is reported as having happened
  | 'no-show' // the prospect did not turn up
  | 'cancel' // the calendar event was cancelled or deleted
  | 'resolve'; // a valid next step or close-out was logged

export type Transition = { ok: true; to: MeetingStatus } | { ok: false; reason: string };

const refuse = (reason: string): Transition => ({ ok: false, reason });
const to = (status: MeetingStatus): Transition => ({ ok: true, to: status });

const describe: Record<MeetingStatus, string> = {
  planned: 'has not started yet',
  live: 'is live',
  'wrapping-up': 'is waiting for its wrap-up',
  done: 'is already wrapped up',
  cancelled: 'was cancelled',
  'no-show': 'was marked as a no-show',
};

export function transition(from: MeetingStatus, event: LifecycleEvent, gated: boolean): Transition {
  const afterCall: MeetingStatus = gated ? 'wrapping-up' : 'done';
  switch (`${from}:${event}`) {
    case 'planned:start':
      return to('live');
    case 'planned:cancel':
      return to('cancelled');
    case 'planned:no-show':
      return gated ? to('no-show') : to('done');
    case 'planned:held':
    case 'live:end':
      return to(afterCall);
    case 'wrapping-up:resolve':
    case 'no-show:resolve':
      return to('done');
    default:
      return refuse(`This meeting ${describe[from]}, so it cannot ${verb[event]}.`);
  }
}

const verb: Record<LifecycleEvent, string> = {
  start: 'be started',
  end: 'be ended',
  held: 'be reported as held',
  'no-show': 'be marked as a no-show',
  cancel: 'be cancelled',
  resolve: 'be wrapped up',
};

/** Statuses in which a wrap-up is owed to the rep's pipeline. */
export const OWES_WRAP_UP: readonly MeetingStatus[] = ['wrapping-up', 'no-show'];
