// Runs everywhere (the platform places the window; tests prove the rule). Where the overlay goes: where the rep last
// put it on the display it was on — pulled back inside if that display shrank — or, when that display is gone
// (the laptop left the office monitor behind), the top-right corner of the primary display, clear of the
// window controls of a full-screen call.
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DisplayInfo {
  id: string;
  workArea: Rect;
  primary: boolean;
}

export interface SavedPlacement {
  /** The rep's last position per display id. */
  boundsByDisplay: Record<string, Rect>;
  /** The display the overlay was last on. */
  lastDisplay?: string | undefined;
}

export const MARGIN = 16;

const clamp = (value: number, min: number, max: number) => Math.min(Math.max(value, min), Math.max(min, max));

/** Keeps a rectangle's size (shrunk to fit) and moves it fully inside an area. */
export function fitInside(rect: Rect, area: Rect): Rect {
  const width = Math.min(rect.width, area.width);
  const height = Math.min(rect.height, area.height);
  return {
    width,
    height,
    x: clamp(rect.x, area.x, area.x + area.width - width),
    y: clamp(rect.y, area.y, area.y + area.height - height),
  };
}

export function overlayBounds(saved: SavedPlacement, displays: DisplayInfo[], size: { width: number; height: number }): Rect {
  const primary = displays.find((d) => d.primary) ?? displays[0];
  if (!primary) return { x: MARGIN, y: MARGIN, ...size };
  const last = displays.find((d) => d.id === saved.lastDisplay && saved.boundsByDisplay[d.id]);
  if (last) return fitInside(saved.boundsByDisplay[last.id]!, last.workArea);
  const onPrimary = saved.boundsByDisplay[primary.id];
  if (onPrimary) return fitInside(onPrimary, primary.workArea);
  const area = primary.workArea;
  return fitInside({ x: area.x + area.width - size.width - MARGIN, y: area.y + MARGIN, ...size }, area);
}

const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Where a normal window (review, wrap-up) reopens: its last bounds, pulled fully onto the display they overlap most
 * — or null (the OS's default placement) when that display is gone. */
export function restoredWindowBounds(saved: Rect | undefined, displays: DisplayInfo[]): Rect | null {
  if (!saved) return null;
  const area = (d: DisplayInfo) => {
    const w = Math.min(saved.x + saved.width, d.workArea.x + d.workArea.width) - Math.max(saved.x, d.workArea.x);
    const h = Math.min(saved.y + saved.height, d.workArea.y + d.workArea.height) - Math.max(saved.y, d.workArea.y);
    return Math.max(0, w) * Math.max(0, h);
  };
  const home = displays.filter((d) => overlaps(saved, d.workArea)).sort((a, b) => area(b) - area(a))[0];
  return home ? fitInside(saved, home.workArea) : null;
}
