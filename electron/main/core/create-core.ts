// Runs in Node (main and preview). Builds the core: open the durable store, then the services over it. Both hosts
// (Electron's main process and the browser preview) call this and nothing else.
import type { Events, Handlers } from '../../../shared/contract';
import { pendingWrapUps, wrapUpToShow } from '../../../shared/rules/wrap-up-gate';
import type { Core, CoreOptions, EventListener } from './index';
import { effectiveHotkeys, runHotkey } from './hotkeys';
import { livePush } from './live-push';
import { openStore } from './store';
import { appStateService } from './services/app-state';
import { calendarsService } from './services/calendars';
import { startCallReminders } from './services/call-reminders';
import { createContext } from './services/context';
import { liveSessionService } from './services/live-session';
import { meetingsService } from './services/meetings';
import { followUpsService } from './services/follow-ups';
import { reviewModesService } from './services/review-modes';
import { invitesService } from './services/invites';
import { settingsService } from './services/settings';
import { unheldCallsService } from './services/unheld-calls';
import { wrapUpService } from './services/wrap-up';
import { startEndOfDay } from './services/end-of-day';
import { exportCsvService } from './services/export-csv';
import { promptsPauseService } from './services/prompts-pause';
import { backupsService } from './services/backups';
import { dataFolderService } from './services/data-folder';
import { liveMeeting } from '../../../shared/rules/open-meetings';

export async function createCore({ dataDir, clock, log, fsOps, revealFolder }: CoreOptions): Promise<Core> {
  const store = await openStore({ dir: dataDir, now: () => clock.now(), clock, ...(log ? { log } : {}), ...(fsOps ? { fsOps } : {}) });
  const listeners = new Set<EventListener>();
  const emit: EventListener = (event, payload) => {
    for (const listener of listeners) listener(event, payload);
  };
  const ctx = createContext(store, clock, emit);
  // Spelled out so a contract method without a handler is a compile error.
  const handlers: Handlers = {
    ...appStateService(ctx),
    ...meetingsService(ctx),
    ...liveSessionService(ctx),
    ...wrapUpService(ctx),
    ...invitesService(ctx),
    ...settingsService(ctx),
    ...unheldCallsService(ctx),
    ...reviewModesService(ctx),
    ...followUpsService(ctx),
    ...calendarsService(ctx),
    ...promptsPauseService(ctx),
    ...exportCsvService(ctx),
    ...backupsService(ctx),
    ...dataFolderService({ dataDir, revealFolder }),
  };
  // Every `changed` (a write, a prompt coming due, a pause ending) is followed by the live view, when it moved.
  const pushLive = livePush(handlers.getLive, emit, log);
  listeners.add((event, payload) => {
    if (event === 'changed') pushLive.changed((payload as Events['changed']).revision);
  });
  startCallReminders(ctx);
  const endOfDay = startEndOfDay(ctx);
  const stopClock = clock.onJump((now) => emit('clock', { now }));
  return {
    handlers,
    store,
    clock,
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    // Owed in memory OR on disk: a wrap-up logged while saves fail stays owed until its next step is written.
    hasPendingWrapUp: () => pendingWrapUps(store.data).length > 0 || pendingWrapUps(store.saved).length > 0,
    wrapUpMeetingId: () => wrapUpToShow(store.data)?.id ?? null,
    isCallLive: () => liveMeeting(store.data) !== null,
    overlayPlacement: {
      saved: () => store.data.settings.overlay,
      save: (displayId, bounds) =>
        ctx.mutate((doc) => {
          doc.settings.overlay.boundsByDisplay = { ...doc.settings.overlay.boundsByDisplay, [displayId]: bounds };
          doc.settings.overlay.lastDisplay = displayId;
        }),
    },
    endOfDay,
    windowPlaces: {
      saved: (name) => store.data.settings.windowBounds[name],
      save: (name, bounds) =>
        ctx.mutate((doc) => {
          doc.settings.windowBounds = { ...doc.settings.windowBounds, [name]: bounds };
        }),
    },
    hotkeys: {
      current: () => effectiveHotkeys(store.data.settings),
      run: (action) => runHotkey(handlers, action, liveMeeting(store.data)?.id ?? null),
      reportFailures(failures) {
        ctx.hotkeyFailures = failures;
        emit('changed', { revision: ctx.revision() });
      },
    },
    async close() {
      await ctx.close();
      stopClock();
      listeners.clear();
      await store.close();
    },
  };
}
