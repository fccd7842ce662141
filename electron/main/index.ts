// Runs in the main process: the composition root. Open the core (store + services) on the rep's data folder, then
// wrap the platform adapter around it — security first, then IPC, windows and the wrap-up's close/quit policy.
// `main()` is exported so tests drive this whole root against a fake `electron`; Electron runs it at load.
import { join } from 'node:path';
import { app, dialog } from 'electron';
import type { Events } from '../../shared/contract';
import { createCore, type Core, type CoreLog } from './core';
import { systemClock, type Clock } from './core/clock';
import { registerIpc } from './platform/ipc';
import { closeCoreOnQuit, enforceWrapUpPolicy, type WrapUpPolicy } from './platform/lifecycle';
import { installAppMenu } from './platform/menu';
import { applySecurity } from './platform/security';
import { createWindows, type Windows } from './platform/windows';
import { createPages } from './platform/windows/pages';

export interface MainOptions {
  clock?: Clock;
  log?: CoreLog;
  platform?: NodeJS.Platform;
}

export interface RunningApp {
  core: Core;
  windows: Windows;
  policy: WrapUpPolicy;
}

/** Starts the app. Resolves to null when another instance already runs (that one is brought forward instead). */
export async function main({ clock = systemClock, log = console, platform = process.platform }: MainOptions = {}): Promise<RunningApp | null> {
  // An isolated profile for tests and support (`--user-data-dir=<folder>`); it also scopes the single-instance lock.
  const userData = app.commandLine.getSwitchValue('user-data-dir');
  if (userData) app.setPath('userData', userData);
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }
  await app.whenReady();

  const core = await createCore({ dataDir: join(app.getPath('userData'), 'data'), clock, log });
  // Only an unpackaged app follows electron-vite's dev server: an environment variable must never point the
  // installed app at other pages.
  const devServerUrl = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL'];
  const pages = createPages({ appPath: app.getAppPath(), devServerUrl });
  applySecurity(pages);
  installAppMenu(platform, app.isPackaged);

  const windows = createWindows({ platform, pages, log });
  registerIpc({ core, windows, pages, log });
  core.onEvent((event, payload) => {
    if (event === 'window') windows.apply(payload as Events['window']);
  });
  // Before any window exists, so every window gets the policy's listeners.
  const policy = enforceWrapUpPolicy({ core, windows });
  closeCoreOnQuit(core);

  windows.prepare('overlay');
  windows.show('review');
  policy.reopenOwedWrapUp();
  // A second launch, or a click on the Dock icon, brings the home window forward.
  app.on('second-instance', () => windows.show('review'));
  app.on('activate', () => windows.show('review'));
  return { core, windows, policy };
}

// Loaded by Electron as the app's entry (tests import `main` under plain Node, where this is skipped).
if (process.versions['electron']) {
  main().catch((error: unknown) => {
    console.error('Second Step could not start', error);
    dialog.showErrorBox('Second Step could not start', error instanceof Error ? error.message : String(error));
    app.exit(1);
  });
}
