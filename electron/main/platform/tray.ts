// Runs in the main process. The tray (menu bar on macOS): the app's handle when no window is open — open the
// review, start the next meeting, show or hide the overlay, pause the prompts for an hour (while paused: "Resume
// prompts (paused until 14:30)"), quit. Every action goes through the core's handlers (the same ones a click or a
// hotkey uses); a refusal is logged, never thrown.
import { join } from 'node:path';
import { app, Menu, nativeImage, Tray } from 'electron';
import type { Core, CoreLog } from '../core';
import type { Windows } from './windows';

/** The tray icon: a template image macOS tints for the menu bar (its @2x is picked on Retina), else coloured. */
export const trayIconPath = (appPath: string, platform: NodeJS.Platform) =>
  join(appPath, 'resources', 'tray', platform === 'darwin' ? 'trayTemplate.png' : 'tray.png');

export interface TrayOptions {
  core: Pick<Core, 'handlers' | 'onEvent'>;
  windows: Windows;
  platform: NodeJS.Platform;
  appPath: string;
  log: CoreLog;
}

/** "14:30" in the rep's locale. */
const clockTime = (iso: string) => new Date(iso).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });

/** Held here so the tray is never garbage-collected (Electron would remove a collected tray's icon). */
let kept: Tray | null = null;

export function createTray({ core, windows, platform, appPath, log }: TrayOptions): Tray {
  const image = nativeImage.createFromPath(trayIconPath(appPath, platform));
  if (platform === 'darwin') image.setTemplateImage(true);
  if (image.isEmpty()) log.warn('The tray icon could not be read', trayIconPath(appPath, platform));
  const tray = new Tray(image);

  const attempt = (what: string, run: () => Promise<unknown>) => () =>
    void run().catch((error: unknown) => log.warn(`Tray: could not ${what}`, error));

  const toggleOverlay = () => {
    const overlay = windows.get('overlay');
    if (overlay?.isVisible()) overlay.hide();
    else windows.show('overlay');
  };

  const pauseItem = (pausedUntil: string | null) =>
    pausedUntil
      ? { label: `Resume prompts (paused until ${clockTime(pausedUntil)})`, click: attempt('resume the prompts', () => core.handlers.pausePrompts({ minutes: 0 })) }
      : { label: 'Pause prompts for an hour', click: attempt('pause the prompts', () => core.handlers.pausePrompts({ minutes: 60 })) };

  let shownPause: string | null | undefined;
  /** (Re)builds the menu when the pause changes: a paused app says so, and until when. */
  const showMenu = (pausedUntil: string | null) => {
    if (pausedUntil === shownPause) return;
    shownPause = pausedUntil;
    tray.setToolTip(pausedUntil ? `Second Step — prompts paused until ${clockTime(pausedUntil)}` : 'Second Step');
    tray.setContextMenu(
      Menu.buildFromTemplate([
        { label: 'Open review', click: () => void windows.show('review') },
        { label: 'Start next meeting', click: attempt('start the next meeting', () => core.handlers.startNextMeeting(undefined)) },
        { label: 'Show/hide overlay', click: toggleOverlay },
        pauseItem(pausedUntil),
        { type: 'separator' },
        // The wrap-up policy still applies: a quit with a wrap-up owed shows the wrap-up instead.
        { label: 'Quit Second Step', click: () => app.quit() },
      ]),
    );
  };
  showMenu(null);
  core.onEvent((event) => {
    if (event !== 'changed') return;
    core.handlers.getState(undefined).then(
      (state) => showMenu(state.promptsPausedUntil),
      (error: unknown) => log.warn('Tray: could not read whether prompts are paused', error),
    );
  });
  // Windows and Linux: a click on the icon opens the review (macOS opens the menu, as menu-bar items do).
  if (platform !== 'darwin') tray.on('click', () => void windows.show('review'));
  kept?.destroy();
  kept = tray;
  return tray;
}
