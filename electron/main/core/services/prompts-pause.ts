// Runs in Node (main and preview). "Pause prompts for an hour" (the tray): while paused, the overlay shows no
// prompt (`getLive().prompt` is null). Kept in memory only — a restart brings the prompts back, which is the safe
// side for a method that lives by its prompts. When the pause ends, windows are told to refetch.
import type { Handlers } from '../../../../shared/contract';
import type { ServiceContext } from './context';

const MINUTE = 60_000;

/** Are the overlay's prompts paused right now? */
export const promptsPaused = (ctx: Pick<ServiceContext, 'promptsPausedUntil' | 'clock'>): boolean =>
  ctx.promptsPausedUntil !== null && ctx.clock.now() < ctx.promptsPausedUntil;

/** Until when the prompts are paused (ISO), for the overlay and the tray to say so; null when they are not. */
export const pausedUntil = (ctx: Pick<ServiceContext, 'promptsPausedUntil' | 'clock'>): string | null =>
  promptsPaused(ctx) ? new Date(ctx.promptsPausedUntil!).toISOString() : null;

/** Why a prompt cannot be answered while paused: nothing is on screen to answer (the hotkeys land here too). */
export const PAUSED = 'Prompts are paused, so there is nothing to answer. Resume them from the overlay or the tray.';

export function promptsPauseService(ctx: ServiceContext) {
  let cancel = () => {};
  const announce = () => ctx.emit('changed', { revision: ctx.revision() });
  ctx.onClose(() => cancel());

  return {
    /** `minutes: 0` resumes at once. */
    async pausePrompts({ minutes }) {
      cancel();
      cancel = () => {};
      const until = minutes > 0 ? ctx.clock.now() + minutes * MINUTE : null;
      ctx.promptsPausedUntil = until;
      if (until !== null) {
        cancel = ctx.clock.at(until, () => {
          ctx.promptsPausedUntil = null;
          announce();
        });
      }
      announce();
      return { pausedUntil: until === null ? null : new Date(until).toISOString() };
    },
  } satisfies Pick<Handlers, 'pausePrompts'>;
}
