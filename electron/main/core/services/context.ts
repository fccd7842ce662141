// Runs in Node (main and preview). What every service shares: the store, the clock, and the event stream. All
// changes go through `mutate`, which writes durably BEFORE it announces anything — so no window ever shows a state
// that is not yet on disk, except while saves fail: then the change is shown under the store's "not saved yet"
// notice, and the caller gets `StoreWriteDelayedError` instead of a result.
import type { Meeting, StoreDocument, Thread } from '../../../../shared/domain';
import { isGated } from '../../../../shared/rules/wrap-up-gate';
import { transition, type LifecycleEvent } from '../../../../shared/rules/lifecycle';
import type { Clock } from '../clock';
import type { HotkeyFailure } from '../hotkeys';
import { conflict, MissingRecord } from '../errors';
import type { EventListener } from '../index';
import { undraft } from '../store/drafts';
import { StoreWriteDelayedError, type Store } from '../store/types';

export interface ServiceContext {
  store: Store;
  clock: Clock;
  emit: EventListener;
  /** The store's revision as seen by windows; bumps after every durable change. */
  revision(): number;
  /** Applies a change durably, then tells every window to refresh. Returns what `change` returned. A change that
   * looks up an archived record (`MissingRecord`) is made again once the record is taken back from the history. */
  mutate<T>(change: (doc: StoreDocument) => T): Promise<T>;
  /** Replaces the whole document, history included, with what `build` makes of the live one (a restore); then tells
   * every window to refresh. */
  replaceAll(build: (live: StoreDocument) => StoreDocument): Promise<void>;
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
      for (let revived = 0; ; revived += 1) {
        try {
          await store.update((doc) => {
            // Plain values out: the update's draft (and every record reached through it) is revoked once it is over.
            result = undraft(change(doc));
          });
          break;
        } catch (error) {
          // An old record, filed in the history: back into the live document, and the change once more. Each
          // round takes one more record back, so this ends; the bound only guards against a change gone wrong.
          if (error instanceof MissingRecord && revived < MAX_REVIVED && (await store.revive(error.ref))) continue;
          // Kept in memory while the store retries the save: windows show it (and the notice), the caller is told.
          if (error instanceof StoreWriteDelayedError) announce();
          throw error;
        }
      }
      announce();
      return result;
    },
    async replaceAll(build) {
      await store.replaceAll(build);
      announce();
    },
  };
}

const MAX_REVIVED = 20;

export function findMeeting(doc: StoreDocument, id: string): Meeting {
  // Inside a change `doc` is a draft: `findLast` looks at the plain records and touches only the one found
  // (drafts.ts). From the end: ids are unique, and the meetings a change is about (the call just held, the ones
  // coming up) were added last, so after years of calls the search stops within the first few records it looks at.
  const meeting = doc.meetings.findLast((m) => m.id === id);
  if (!meeting) throw new MissingRecord(['meetings', id], 'That meeting');
  return meeting;
}

export function findThread(doc: StoreDocument, id: string): Thread {
  const thread = doc.threads.findLast((t) => t.id === id); // from the end, as findMeeting
  if (!thread) throw new MissingRecord(['threads', id], 'That deal');
  return thread;
}

/** Moves a meeting along its lifecycle, or refuses in plain words. */
export function advance(doc: StoreDocument, meeting: Meeting, event: LifecycleEvent): void {
  const next = transition(meeting.status, event, isGated(meeting, doc.settings));
  if (!next.ok) throw conflict(next.reason);
  meeting.status = next.to;
}

export const newId = (): string => crypto.randomUUID();
