// Runs in the renderer. The on-screen clock follows the core's clock, not the window's: the core may run a test
// clock, and every timer on screen must move with it. We keep one offset (core time - local time), set from
// `getState().now` and from `clock` events, and tick once a second — only while the window is visible.
import { useSyncExternalStore } from 'react';
import { api, type Api } from '../api';

export type ClockSource = Pick<Api, 'getState' | 'on'>;

export interface CoreClock {
  /** The core's time now, in ms since the epoch. */
  now(): number;
  /** Core time minus local time, in ms (0 until the first sync). */
  offset(): number;
  /** True once the offset came from the core. */
  synced(): boolean;
  /** Asks the core for its time and resets the offset. */
  sync(): Promise<void>;
  /** For `useSyncExternalStore`: the core time at the last tick, stable between ticks. */
  snapshot(): number;
  subscribe(listener: () => void): () => void;
}

export interface ClockEnvironment {
  localNow?: () => number;
  document?: Pick<Document, 'visibilityState' | 'addEventListener' | 'removeEventListener'>;
}

export function createCoreClock(source: ClockSource, env: ClockEnvironment = {}): CoreClock {
  const localNow = env.localNow ?? (() => Date.now());
  const doc = env.document ?? (typeof document === 'undefined' ? undefined : document);
  const listeners = new Set<() => void>();
  let offset = 0;
  let synced = false;
  /** Bumped whenever the offset is set, so an older `getState` answer cannot overwrite a newer `clock` event. */
  let generation = 0;
  let current = localNow();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopEvents: (() => void) | undefined;

  const now = () => localNow() + offset;
  const visible = () => doc?.visibilityState !== 'hidden';

  const publish = () => {
    const next = now();
    if (next === current) return;
    current = next;
    for (const listener of [...listeners]) listener();
  };

  const setOffset = (coreNow: number) => {
    generation += 1;
    offset = coreNow - localNow();
    synced = true;
    publish();
    schedule();
  };

  const stopTicking = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };

  /** Wakes on the next whole core second, so "12:04" turns into "12:05" on time, then re-arms. */
  function schedule() {
    stopTicking();
    if (listeners.size === 0 || !visible()) return;
    const delay = 1000 - (((now() % 1000) + 1000) % 1000);
    timer = setTimeout(() => {
      timer = undefined;
      publish();
      schedule();
    }, delay);
  }

  const onVisibility = () => {
    if (visible()) publish();
    schedule();
  };

  const sync = async () => {
    const asked = generation;
    const state = await source.getState();
    if (generation === asked) setOffset(state.now);
  };

  const start = () => {
    const off = source.on('clock', ({ now: coreNow }) => setOffset(coreNow));
    doc?.addEventListener('visibilitychange', onVisibility);
    stopEvents = () => {
      off();
      doc?.removeEventListener('visibilitychange', onVisibility);
    };
    sync().catch(() => {
      // Keep the local clock until the core answers; the next `clock` event or subscriber retries.
    });
  };

  const stop = () => {
    stopTicking();
    stopEvents?.();
    stopEvents = undefined;
  };

  return {
    now,
    offset: () => offset,
    synced: () => synced,
    sync,
    snapshot: () => current,
    subscribe(listener) {
      listeners.add(listener);
      if (listeners.size === 1) {
        current = now();
        start();
      }
      schedule();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) stop();
      };
    },
  };
}

let shared: CoreClock | undefined;
/** The window's one clock (one timer and one subscription, however many components read it). */
export const windowClock = (): CoreClock => (shared ??= createCoreClock(api));

/** The core's time, re-rendering once a second while the window is visible. */
export function useCoreClock(clock: CoreClock = windowClock()): number {
  return useSyncExternalStore(clock.subscribe, clock.snapshot, clock.snapshot);
}

/** The core's time to the minute (its start, ms since the epoch), re-rendering once a minute: for a window that shows
 * nothing finer, so the second's tick does not render it again (React skips a snapshot equal to the last). */
export function useCoreMinute(clock: CoreClock = windowClock()): number {
  const minute = () => Math.floor(clock.snapshot() / 60_000) * 60_000;
  return useSyncExternalStore(clock.subscribe, minute, minute);
}
