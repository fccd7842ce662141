// Runs in Node (main and preview). The end-of-day reminder: a timer on the core's clock that, at the rep's
// end-of-day time on workdays (in the core's local zone), asks for the review window — once per day, and not at all
// when that day was already marked as reviewed. The host may add its own nudge (a notification) through `onDue`.
import { needsReview, nextEndOfDay } from '../../../../shared/rules/end-of-day';
import type { DayKey } from '../../../../shared/rules/local-days';
import type { ServiceContext } from './context';

export interface EndOfDay {
  /** Called with the day each time the reminder fires (after the review window was asked for). */
  onDue(listener: (day: DayKey) => void): () => void;
}

export function startEndOfDay(ctx: ServiceContext): EndOfDay {
  const listeners = new Set<(day: DayKey) => void>();
  let remindedDay: DayKey | null = null;
  let armedFor: number | null = null;
  let cancel = () => {};

  function fire(day: DayKey): void {
    if (remindedDay === day || !needsReview(day, ctx.store.data.review?.lastReviewedDay)) return;
    remindedDay = day;
    ctx.emit('window', { window: 'review', action: 'show' });
    for (const listener of listeners) listener(day);
  }

  /** Arms the one timer for the next end of day; a change that leaves that moment alone keeps the timer. */
  function arm(): void {
    const next = nextEndOfDay(ctx.store.data.settings.endOfDay, ctx.clock.now());
    if (next.at === armedFor) return;
    cancel();
    armedFor = next.at;
    cancel = ctx.clock.at(next.at, () => {
      armedFor = null;
      fire(next.day);
      arm();
    });
  }

  ctx.onChanged(arm);
  ctx.onClose(() => cancel());
  arm();

  return {
    onDue(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
