// Runs in Node (main and preview). What every service shares: the store, the clock, and the event stream. All
// changes go through `mutate`, which writes durably BEFORE it announces anything — so no window ever shows a state
// that is not yet on disk, except while saves fail: then the change is shown under the store's "not saved yet"
// notice, and the caller gets `StoreWriteDelayedError` instead of a result.
import type { Meeting, StoreDocument, Thread } from '../../../../shared/domain';
import { isGated } from '../../../../shared/rules/wrap-up-gate';
import { transition, type LifecycleEvent } from '../../../../shared/rules/lifecycle';
import type { Clock } from '../clock';
import type { HotkeyFailure } from '../hotkeys';
import { conflict, notFound } from '../errors';
import type { EventListener } from '../index';
import { undraft } from '../store/drafts';
import { StoreWriteDelayedError, type Store } from '../store/types';

export interface ServiceContext {
  store: Store;
  clock: Clock;
  emit: EventListener;
  /** The store's revision as seen by windows; bumps after every durable change. */
  revision(): number;
  /** Applies a change durably, then tells every window to refresh. Returns what `change` returned. */
  mutate<T>(change: (doc: StoreDocument) => T): Promise<T>;
  nowIso(): string;
  /** Runs after every change windows are told about (services re-arm their clock timers here). */
  onChanged(listener: () => void): void;
  /** Hotkeys the host could not register, as it last reported them. */
  hotkeyFailures: HotkeyFailure[];
  /** Until when (ms) the overlay's prompts are paused; null when they are not (see services/prompts-pause.ts). */
  promptsPausedUntil: number | null;
  /** Registers work to finish when the core closes, before the store does (timers, file watchers, syncs). */
  onClose(hook: () => void | Promise<void>): void;
  /** Runs the close hooks; `core.close()` calls it. */
  close(): Promise<void>;
}

export function createContext(store: Store, clock: Clock, emit: EventListener): ServiceContext {
  let revision = 0;
  const changeListeners: (() => void)[] = [];
  const closeHooks: (() => void | Promise<void>)[] = [];
  const announce = () => {
    revision += 1;
    emit('changed', { revision });
    for (const listener of changeListeners) listener();
  };
  // A retried save that succeeds (or fails again) changes the notice: windows refetch.
  store.onBackgroundChange(announce);
  return {
    store,
    clock,
    emit,
    revision: () => revision,
    nowIso: () => new Date(clock.now()).toISOString(),
    onChanged: (listener) => void changeListeners.push(listener),
    hotkeyFailures: [],
    promptsPausedUntil: null,
    onClose: (hook) => void closeHooks.push(hook),
    async close() {
      await Promise.allSettled(closeHooks.splice(0).map((hook) => hook()));
    },
    async mutate(change) {
      let result!: ReturnType<typeof change>;
      try {
        await store.update((doc) => {
          // Plain values out: the update's draft (and every record reached through it) is revoked once it is over.
          result = undraft(change(doc));
        });
      } catch (error) {
        // Kept in memory while the store retries the save: windows show it (and the notice), the caller is told.
        if (error instanceof StoreWriteDelayedError) announce();
        throw error;
      }
      announce();
      return result;
    },
  };
}

export function findMeeting(doc: StoreDocument, id: string): Meeting {
  // Inside a change `doc` is a draft: `findLast` looks at the plain records and touches only the one found
  // (drafts.ts). From the end: ids are unique, and the meetings a change is about (the call just held, the ones
  // coming up) were added last, so after years of calls the search stops within the first few records it looks at.
  const meeting = doc.meetings.findLast((m) => m.id === id);
  if (!meeting) throw notFound('That meeting');
  return meeting;
}

export function findThread(doc: StoreDocument, id: string): Thread {
  const thread = doc.threads.findLast((t) => t.id === id); // from the end, as findMeeting
  if (!thread) throw notFound('That deal');
  return thread;
}

/** Moves a meeting along its lifecycle, or refuses in plain words. */
export function advance(doc: StoreDocument, meeting: Meeting, event: LifecycleEvent): void {
  const next = transition(meeting.status, event, isGated(meeting, doc.settings));
  if (!next.ok) throw conflict(next.reason);
  meeting.status = next.to;
}

export const newId = (): string => crypto.randomUUID();
