// Runs in the main process: the composition root. Open the core (store + services) on the rep's data folder, then
// wrap the platform adapter around it — security first, then IPC, windows and the wrap-up's close/quit policy.
// `main()` is exported so tests drive this whole root against a fake `electron`; Electron runs it at load.
import { app, dialog, shell } from 'electron';
import type { Events } from '../../shared/contract';
import { createCore, type Core, type CoreLog } from './core';
import { systemClock, type Clock } from './core/clock';
import { registerAppScheme, serveRendererFiles } from './platform/app-protocol';
import { registerIpc } from './platform/ipc';
import { revealFolder } from './platform/reveal-folder';
import { offerDueCalls, remindEndOfDay } from './platform/notifications';
import { registerHotkeys } from './platform/shortcuts';
import { closeCoreOnQuit, enforceWrapUpPolicy, type WrapUpPolicy } from './platform/lifecycle';
import { openLogFile } from './platform/log-file';
import { followStartAtLogin } from './platform/login-item';
import { installAppMenu } from './platform/menu';
import { appIconPath, dataDir, logsDir, useProfileFromCommandLine } from './platform/paths';
import { applySecurity } from './platform/security';
import { createTray } from './platform/tray';
import { catchUncaughtErrors, createErrorReporter } from './platform/uncaught-errors';
import { keepReviewReady } from './platform/windows/keep-review-ready';
import { rememberWindowBounds } from './platform/windows/remember-bounds';
import { createWindows, type Windows } from './platform/windows';
import { createPages } from './platform/windows/pages';

export interface MainOptions {
  clock?: Clock;
  log?: CoreLog;
  platform?: NodeJS.Platform;
  /** Help > Reveal logs: shows the log file in the OS's file manager. */
  revealLogs?: () => void;
}

export interface RunningApp {
  core: Core;
  windows: Windows;
  policy: WrapUpPolicy;
}

/** Starts the app. Resolves to null when another instance already runs (that one is brought forward instead). */
export async function main({ clock = systemClock, log = console, platform = process.platform, revealLogs = () => {} }: MainOptions = {}): Promise<RunningApp | null> {
  useProfileFromCommandLine();
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }
  registerAppScheme(); // before ready, or Electron refuses it
  await app.whenReady();

  const core = await createCore({ dataDir: dataDir(), clock, log, revealFolder });
  // Only an unpackaged app follows electron-vite's dev server: an environment variable must never point the
  // installed app at other pages.
  const devServerUrl = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL'];
  const pages = createPages({ appPath: app.getAppPath(), devServerUrl });
  serveRendererFiles(pages);
  applySecurity(pages);
  installAppMenu(platform, app.isPackaged, { revealLogs });

  const overlayPlace = {
    saved: () => core.overlayPlacement.saved(),
    save: (displayId: string, bounds: { x: number; y: number; width: number; height: number }) =>
      void core.overlayPlacement.save(displayId, bounds).catch((error: unknown) => log.warn('Could not remember the overlay position', error)),
    onChange: (listener: () => void) =>
      void core.onEvent((event) => {
        if (event === 'changed') listener();
      }),
  };
  const windows = createWindows({ platform, pages, log, icon: appIconPath(app.getAppPath()), overlayPlace });
  rememberWindowBounds(windows, {
    saved: (name) => core.windowPlaces.saved(name),
    save: (name, bounds) => void core.windowPlaces.save(name, bounds).catch((error: unknown) => log.warn('Could not remember a window position', error)),
  });
  registerIpc({ core, windows, pages, log });
  core.onEvent((event, payload) => {
    if (event === 'window') windows.apply(payload as Events['window']);
  });
  // Before any window exists, so every window gets the policy's listeners.
  const policy = enforceWrapUpPolicy({ core, windows });
  closeCoreOnQuit(core);
  followStartAtLogin({
    platform,
    packaged: app.isPackaged,
    wanted: () => core.store.data.settings.startAtLogin,
    onChange: (apply) =>
      core.onEvent((event) => {
        if (event === 'changed') apply();
      }),
    log,
  });

  // Built hidden at start so they appear at once when needed: the overlay at the call's start, the wrap-up the
  // moment a call ends (a page load there would cost hundreds of ms; see docs/PERFORMANCE.md, "On paper").
  windows.prepare('overlay');
  windows.prepare('wrapup');
  // The review, whenever none exists (the rep closed it), is built hidden once the app is quiet, so a hotkey, the tray
  // or the end-of-day reminder shows it at once. After the wrap-up policy: a quit it refuses must not count as one.
  keepReviewReady({ windows, isCallLive: () => core.isCallLive() });
  registerHotkeys({ core, windows, log });
  offerDueCalls({ core, log, platform });
  remindEndOfDay({ core, showReview: () => void windows.show('review') });
  createTray({ core, windows, platform, appPath: app.getAppPath(), log });
  windows.show('review');
  policy.reopenOwedWrapUp();
  // A second launch, or a click on the Dock icon, brings the home window forward.
  app.on('second-instance', () => windows.show('review'));
  app.on('activate', () => windows.show('review'));
  return { core, windows, policy };
}

/** Electron's entry. The log file opens first, so even a start that fails leaves its reason on disk; from then on
 * nothing that goes wrong is silent (tests call `main` directly and install no process-wide handlers). */
async function start(): Promise<void> {
  useProfileFromCommandLine();
  const log = openLogFile(logsDir(), { echo: !app.isPackaged });
  const revealLogs = () => shell.showItemInFolder(log.path);
  catchUncaughtErrors(createErrorReporter({ log, revealLogs }));
  log.info(`Second Step ${app.getVersion()} starting`);
  try {
    await main({ log, revealLogs });
  } catch (error) {
    log.error('Second Step could not start', error);
    dialog.showErrorBox('Second Step could not start', `${error instanceof Error ? error.message : String(error)}\n\nDetails: ${log.path}`);
    app.exit(1);
  }
}

// Loaded by Electron as the app's entry (tests import `main` under plain Node, where this is skipped).
if (process.versions['electron']) void start();
