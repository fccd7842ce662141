// Runs in the main process. The review (home) is opened from a hotkey, the tray, the Dock and the end-of-day
// reminder. Built on demand, its window costs a renderer process start and a page load before anything shows (the
// cold row of docs/PERFORMANCE.md, Review); built ahead of time and kept hidden, showing it costs a frame, and its page
// catches up with the changes it held while hidden (renderer/src/ui/on-screen.ts). So whenever no review window exists
// — at start until the first one, and after the rep closes it — one is built hidden once the app is quiet: after the
// overlay's page has loaded (never on the way to the first window), some seconds later, and not during a live call (a
// page load takes CPU the call's video needs). The price: one more hidden renderer process, as for the wrap-up.
import { app, type BrowserWindow } from 'electron';
import type { Windows } from './index';

export interface ReviewReadyOptions {
  windows: Pick<Windows, 'get' | 'prepare' | 'onCreated'>;
  /** A call is live now (then the build waits). */
  isCallLive(): boolean;
  /** How long the app must be left alone before the build (after the overlay's page, after a close, during a call). */
  quietMs?: number;
}

export function keepReviewReady({ windows, isCallLive, quietMs = 10_000 }: ReviewReadyOptions): void {
  let timer: NodeJS.Timeout | undefined;
  /** Set by a quit that went ahead: its closing windows must not be built again. */
  let quitting = false;
  const arm = () => {
    clearTimeout(timer);
    timer = quitting ? undefined : setTimeout(build, quietMs);
  };
  function build() {
    timer = undefined;
    if (quitting || windows.get('review')) return;
    if (isCallLive()) return arm(); // look again later: the build waits for the call to end
    windows.prepare('review');
  }

  windows.onCreated((name, window: BrowserWindow) => {
    if (name !== 'review') return;
    quitting = false; // a quit that was called off (a wrap-up still owed) left the app running
    window.on('closed', arm);
  });
  // Registered after the wrap-up policy's own listener (electron/main/index.ts), so a quit it refused reads prevented.
  app.on('before-quit', (event) => {
    if (event.defaultPrevented) return;
    quitting = true;
    clearTimeout(timer);
  });

  const overlay = windows.get('overlay')?.webContents;
  if (!overlay) return arm();
  const loaded = () => {
    overlay.off('did-finish-load', loaded);
    overlay.off('did-fail-load', loaded);
    arm();
  };
  overlay.on('did-finish-load', loaded);
  overlay.on('did-fail-load', loaded);
}
