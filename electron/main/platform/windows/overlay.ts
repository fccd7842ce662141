// Runs in the main process. What keeps the overlay over the call: its always-on-top level per OS, re-asserted when
// the OS drops it, a place on every workspace, and a default of staying out of screen shares.
import { screen, type BrowserWindow } from 'electron';
import { overlayLevel, overlayPosition } from './options';

export function keepOverlayOverTheCall(overlay: BrowserWindow, platform: NodeJS.Platform): void {
  const level = overlayLevel(platform);
  const raise = () => overlay.setAlwaysOnTop(true, level);
  raise();
  // Windows (and some Linux window managers) drop the top-most flag when another app goes full screen or takes focus.
  overlay.on('show', raise);
  overlay.on('blur', raise);
  // skipTransformProcessType: otherwise Electron turns the whole app into a UI element (no Dock icon) to float over
  // full-screen Spaces; the macOS 'panel' window type already can.
  overlay.setVisibleOnAllWorkspaces(true, { visibleOnFullScreen: true, skipTransformProcessType: true });
  // Out of screen shares by default. Linux, and some capture apps on macOS 15+, ignore it: the UI says so.
  overlay.setContentProtection(true);
  const { x, y } = overlayPosition(screen.getPrimaryDisplay().workArea);
  overlay.setPosition(x, y);
}
