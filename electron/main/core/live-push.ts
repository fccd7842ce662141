// Runs in Node (main and preview). Pushes the live call's view with every change, so the overlay paints it straight
// from the event instead of answering `changed` with a `getLive` round trip (IPC in Electron, HTTP in the preview)
// on the path the rep watches. The view comes from the same `getLive` handler the windows call: one computation.
// A view equal to the last one pushed is not sent again, so changes elsewhere (the review marking a follow-up, a
// setting the overlay does not show) cost the overlay nothing.
import type { Handlers } from '../../../shared/contract';
import type { LiveView } from '../../../shared/views';
import type { EventListener } from './index';

export interface LivePush {
  /** Call after every `changed` event: computes the view now and pushes it if it differs from the last one. */
  changed(revision: number): void;
}

export function livePush(getLive: Handlers['getLive'], emit: EventListener, log?: { warn(...args: unknown[]): void }): LivePush {
  let last: string | undefined;
  return {
    changed(revision) {
      // getLive does its work synchronously (the promise only wraps the answer), so the view is the one of this
      // change, and pushes leave in the order of the changes.
      getLive(undefined).then(
        (view: LiveView | null) => {
          const text = JSON.stringify(view);
          if (text === last) return;
          last = text;
          emit('live', { revision, view });
        },
        // The overlay still has the view it showed; the next change pushes again.
        (error: unknown) => log?.warn('Could not compute the live view to push', error),
      );
    },
  };
}
