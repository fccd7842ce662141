// Runs in the main process. The review and wrap-up windows reopen where the rep left them (window state), pulled
// back onto a screen that exists when a monitor is gone (shared/rules/overlay-placement.ts decides).
import { screen, type BrowserWindow } from 'electron';
import { restoredWindowBounds, type Rect } from '../../../../shared/rules/overlay-placement';
import type { WindowName } from '../../../../shared/views';
import type { Windows } from './index';

export interface WindowPlaces {
  saved(name: 'review' | 'wrapup'): Rect | undefined;
  save(name: 'review' | 'wrapup', bounds: Rect): void;
}

const displays = () => {
  const primary = screen.getPrimaryDisplay();
  return screen.getAllDisplays().map((d) => ({ id: String(d.id), workArea: d.workArea, primary: d.id === primary.id }));
};

function remember(name: 'review' | 'wrapup', window: BrowserWindow, places: WindowPlaces): void {
  const restored = restoredWindowBounds(places.saved(name), displays());
  if (restored) window.setBounds(restored);
  let settle: NodeJS.Timeout | undefined;
  const save = () => {
    clearTimeout(settle);
    settle = setTimeout(() => {
      if (!window.isDestroyed()) places.save(name, window.getBounds());
    }, 500);
  };
  window.on('moved', save);
  window.on('resized', save);
}

export function rememberWindowBounds(windows: Windows, places: WindowPlaces): void {
  windows.onCreated((name: WindowName, window) => {
    if (name === 'review' || name === 'wrapup') remember(name, window, places);
  });
}
