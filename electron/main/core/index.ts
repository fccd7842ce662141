// Runs in Node (main and preview). The core's front door: open the store, build the services, and hand a host
// everything it needs — the contract handlers, the event stream, and the wrap-up gate's questions.
import type { Events, EventName, Handlers } from '../../../shared/contract';
import type { Clock } from './clock';
import type { Store, StoreLog } from './store/types';

export type EventListener = <E extends EventName>(event: E, payload: Events[E]) => void;

/** Where the core reports what it did; console, electron-log and the store's log all fit. */
export type CoreLog = StoreLog;

export interface CoreOptions {
  /** The folder holding the store file, its backups and anything quarantined. */
  dataDir: string;
  clock: Clock;
  log?: CoreLog;
}

export interface Core {
  handlers: Handlers;
  /** Subscribe to contract events (store changed, clock jumped, window requests). Returns unsubscribe. */
  onEvent(listener: EventListener): () => void;
  /** The wrap-up gate, asked by the hosts' close/quit policy: is any wrap-up owed right now? */
  hasPendingWrapUp(): boolean;
  /** The wrap-up to show now (null while a call is live or nothing is owed). */
  wrapUpMeetingId(): string | null;
  /** Is a call in progress? (A wrap-up never covers it.) */
  isCallLive(): boolean;
  store: Store;
  clock: Clock;
  close(): Promise<void>;
}

export { createCore } from './create-core';
