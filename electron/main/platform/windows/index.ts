// Runs in the main process. The three windows by name: each built from its pure options when first needed, shown the
// way it must appear (the overlay never takes focus from the call), and reachable by the guards and the close policy.
import { BrowserWindow, nativeTheme, type WebContents } from 'electron';
import type { Events } from '../../../../shared/contract';
import type { WindowName } from '../../../../shared/views';
import type { CoreLog } from '../../core';
import { windowOptions } from './options';
import { keepOverlayOverTheCall, type OverlayPlace } from './overlay';
import type { Pages } from './pages';

export interface Windows {
  /** The window if it exists (shown or hidden), else null. */
  get(name: WindowName): BrowserWindow | null;
  /** Builds the window hidden if it does not exist yet (the overlay is built at start so it appears at once). */
  prepare(name: WindowName): BrowserWindow;
  show(name: WindowName): BrowserWindow;
  /** Throws the window away and shows a new one (its page died). */
  recreate(name: WindowName): BrowserWindow;
  /** Carries out the core's request to show or hide a window. */
  apply(request: Events['window']): void;
  /** Which of our windows a webContents belongs to; null when it is not one of ours. */
  nameOf(contents: WebContents): WindowName | null;
  /** Sends a message to the page of every open window. */
  broadcast(channel: string, payload: unknown): void;
  /** Called for every window built from now on: the policies attach their listeners here. */
  onCreated(listener: (name: WindowName, window: BrowserWindow) => void): void;
}

export interface WindowsOptions {
  platform: NodeJS.Platform;
  pages: Pages;
  log: CoreLog;
  /** The app icon for window frames (used on Linux; see WindowContext). */
  icon?: string;
  /** Where the rep keeps the overlay, per display (remembered in their settings). */
  overlayPlace?: OverlayPlace;
}

export function createWindows({ platform, pages, log, icon, overlayPlace }: WindowsOptions): Windows {
  const open = new Map<WindowName, BrowserWindow>();
  const createdListeners: Array<(name: WindowName, window: BrowserWindow) => void> = [];

  const get = (name: WindowName) => {
    const window = open.get(name);
    return window && !window.isDestroyed() ? window : null;
  };

  function build(name: WindowName): BrowserWindow {
    // The theme is read when the window is built: after the first paint the page follows the OS by itself (CSS
    // prefers-color-scheme, with Electron's nativeTheme left on 'system').
    const context = { platform, preload: pages.preload, icon, dark: nativeTheme.shouldUseDarkColors };
    const options = windowOptions[name](context);
    // The isolation settings are restated, last, where the window is built: no options function can weaken them,
    // and static checkers (Electronegativity, in CI) can read them here. options.ts explains each one.
    const window = new BrowserWindow({
      ...options,
      webPreferences: { ...options.webPreferences, sandbox: true, contextIsolation: true, disableBlinkFeatures: 'Auxclick' },
    });
    open.set(name, window);
    window.on('closed', () => {
      if (open.get(name) === window) open.delete(name);
    });
    if (name === 'overlay') keepOverlayOverTheCall(window, platform, overlayPlace);
    for (const listener of createdListeners) listener(name, window);
    window.loadURL(pages.urlOf(name)).catch((error: unknown) => log.error(`The ${name} page did not load`, error));
    return window;
  }

  const prepare = (name: WindowName) => get(name) ?? build(name);

  function show(name: WindowName): BrowserWindow {
    const window = prepare(name);
    if (name === 'overlay') {
      window.showInactive(); // never take focus (or the keyboard) from the call
      return window;
    }
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
    return window;
  }

  return {
    get,
    prepare,
    show,
    recreate(name) {
      get(name)?.destroy();
      return show(name);
    },
    apply({ window, action }) {
      if (action === 'show') show(window);
      else if (action === 'hide') get(window)?.hide();
      else get(window)?.blur(); // focus returns to the window behind: the call app
    },
    nameOf: (contents) => [...open].find(([, window]) => !window.isDestroyed() && window.webContents === contents)?.[0] ?? null,
    broadcast(channel, payload) {
      for (const window of open.values()) {
        if (!window.isDestroyed() && !window.webContents.isDestroyed()) window.webContents.send(channel, payload);
      }
    },
    onCreated: (listener) => void createdListeners.push(listener),
  };
}
