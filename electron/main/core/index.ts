// Runs in Node (main and preview). The core's front door: open the store, build the services, and hand a host
// everything it needs — the contract handlers, the event stream, and the wrap-up gate's questions.
import type { Events, EventName, Handlers } from '../../../shared/contract';
import type { HotkeyAction } from '../../../shared/domain';
import type { Rect, SavedPlacement } from '../../../shared/rules/overlay-placement';
import type { Clock } from './clock';
import type { HostAction, HotkeyFailure } from './hotkeys';
import type { EndOfDay } from './services/end-of-day';
import type { RevealFolder } from './services/data-folder';
import type { FsOps } from './store/fs-ops';
import type { Store, StoreLog } from './store/types';

export type EventListener = <E extends EventName>(event: E, payload: Events[E]) => void;

/** Where the core reports what it did; console, electron-log and the store's log all fit. */
export type CoreLog = StoreLog;

export interface CoreOptions {
  /** The folder holding the store file, its backups and anything quarantined. */
  dataDir: string;
  clock: Clock;
  log?: CoreLog;
  /** Tests only: file operations that fail on purpose (a full disk, a locked folder). */
  fsOps?: FsOps;
  /** Opens a folder in the OS's file manager (Settings › Data folder); left out where the host cannot. */
  revealFolder?: RevealFolder;
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
  /** Where the rep keeps the overlay, per display: read at start, saved when they move it. */
  overlayPlacement: {
    saved(): SavedPlacement & { compact: boolean; opacity: number };
    save(displayId: string, bounds: Rect): Promise<void>;
  };
  /** The end-of-day reminder: the host adds its own nudge (a notification) when it fires. */
  endOfDay: EndOfDay;
  /** Where the review and wrap-up windows were last (window state, remembered across restarts). */
  windowPlaces: {
    saved(name: 'review' | 'wrapup'): Rect | undefined;
    save(name: 'review' | 'wrapup', bounds: Rect): Promise<void>;
  };
  hotkeys: {
    /** The accelerators in force: the rep's choices over this OS's defaults. */
    current(): Record<HotkeyAction, string>;
    /** Runs a hotkey's action through the same handlers the windows call; window actions come back to the host. */
    run(action: HotkeyAction): Promise<HostAction | null>;
    /** The host tells which accelerators it could not register (the OS or another app holds them). */
    reportFailures(failures: HotkeyFailure[]): void;
  };
  store: Store;
  clock: Clock;
  close(): Promise<void>;
}

export { createCore } from './create-core';
