// Runs in the main process. What keeps the overlay over the call: its always-on-top level per OS, re-asserted when
// the OS drops it, a place on every workspace, a default of staying out of screen shares — and the spot the rep put
// it in, per display, recovered when that display is gone (the rule is shared/rules/overlay-placement.ts).
import { screen, type BrowserWindow } from 'electron';
import { overlayBounds, type DisplayInfo, type Rect, type SavedPlacement } from '../../../../shared/rules/overlay-placement';
import { OVERLAY_SIZE, overlayLevel } from './options';

export interface OverlayPlace {
  /** The rep's overlay settings: where it was, and how it looks. */
  saved(): SavedPlacement & { compact: boolean; opacity: number };
  save(displayId: string, bounds: Rect): void;
  /** Called after every change of the rep's data (the look may have changed). */
  onChange(listener: () => void): void;
}

/** One line in compact mode: short, and wider so the line has room. */
export const COMPACT_SIZE = { width: 640, height: 44 };

const displays = (): DisplayInfo[] => {
  const primary = screen.getPrimaryDisplay();
  return screen.getAllDisplays().map((d) => ({ id: String(d.id), workArea: d.workArea, primary: d.id === primary.id }));
};

export function keepOverlayOverTheCall(overlay: BrowserWindow, platform: NodeJS.Platform, place?: OverlayPlace): void {
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

  const size = () => (place?.saved().compact ? COMPACT_SIZE : OVERLAY_SIZE);
  const putInPlace = () => overlay.setBounds(overlayBounds(place?.saved() ?? { boundsByDisplay: {} }, displays(), size()));
  putInPlace();
  if (!place) return;
  // Compact or full, and how see-through: follow the settings as the rep changes them.
  const followLook = () => {
    if (overlay.isDestroyed()) return;
    overlay.setOpacity(place.saved().opacity);
    const bounds = overlay.getBounds();
    if (bounds.height !== size().height || bounds.width !== size().width) overlay.setBounds({ ...bounds, ...size() });
  };
  followLook();
  place.onChange(followLook);
  // Remember where the rep drops it (once the drag settles), on the display it landed on.
  let settle: NodeJS.Timeout | undefined;
  overlay.on('moved', () => {
    clearTimeout(settle);
    settle = setTimeout(() => {
      if (overlay.isDestroyed()) return;
      const bounds = overlay.getBounds();
      place.save(String(screen.getDisplayMatching(bounds).id), bounds);
    }, 500);
  });
  // A monitor unplugged with the overlay on it: bring it back onto a screen that exists.
  screen.on('display-removed', putInPlace);
}
