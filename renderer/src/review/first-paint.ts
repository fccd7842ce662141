// Runs in the renderer, first of all: the review's entry calls it before React and the modes are even loaded. It asks
// the core for Today alone (a few ms) while the rest of the page's code downloads and compiles, so the first paint
// waits for neither the other modes nor a request made after mount; the other modes are asked for once Today is on
// screen (`afterFirstPaint`). The same again when the window comes back on screen after changes it held while hidden
// (ui/on-screen.ts; the review window is built hidden ahead of time): Today alone first, then every mode. Imports
// nothing heavier than the api, to stay in the small entry chunk.
import type { ReviewToday } from '../../../shared/views';
import { api } from '../api';
import { onScreen } from '../ui/on-screen';

/** The zone this window shows times in: the core counts "today" and "overdue" in the same one. */
export const windowTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The same zone without starting Intl where the browser has Temporal (both read the system's zone). A page's first
 * Intl object costs ~20 ms here (ICU's start-up), which the early ask should not wait for. */
function zoneForTheEarlyAsk(): string {
  const temporal = (globalThis as { Temporal?: { Now?: { timeZoneId?: () => string } } }).Temporal;
  return temporal?.Now?.timeZoneId?.() ?? windowTimeZone();
}

export interface TodayAsk {
  answer: Promise<ReviewToday>;
  /** The answer once it has arrived, so React's first render can show Today without waiting a tick. */
  value?: ReviewToday;
  /** Resolves once this Today is painted, or the ask failed, or the window needs every mode at once. */
  painted: Promise<void>;
  release(): void;
}

let current: TodayAsk | undefined;
const listeners = new Set<() => void>();

function askToday(zone: string): void {
  const asked = api.getReviewToday({ timeZone: zone });
  // Then the zone as the window's dates will be shown in (Intl): an answer for another zone is not used. Asked here,
  // this also pays Intl's start-up while the app's code downloads rather than in the first render.
  const answer = windowTimeZone() === zone ? asked : asked.then(() => Promise.reject(new Error('Asked in another time zone.')));
  let release: () => void = () => {};
  const painted = new Promise<void>((resolve) => (release = resolve));
  const ask: TodayAsk = { answer, painted, release };
  answer.then(
    (value) => (ask.value = value),
    // A failed ask costs nothing: the full ask that follows shows its error.
    () => release(),
  );
  current = ask;
  for (const listener of [...listeners]) listener();
}

/** Asks for Today now. Called by the entry only, once. */
export const askTodayEarly = (): void => askToday(zoneForTheEarlyAsk());

/** The window is back on screen after changes (on-screen.ts calls it before its views refetch): with Today the mode
 * on screen (kept in the address, see ReviewApp), Today is asked alone again, so it is painted before every mode is
 * recomputed; on another mode the views simply refetch. */
export function catchUpToday(): void {
  const hash = typeof location === 'undefined' ? '' : location.hash;
  if (hash === '' || hash === '#' || hash === '#today') askToday(windowTimeZone());
}

/** The newest ask for Today alone, if any (the entry's, or a catch-up's); with `onTodayAsk`, a store for React. */
export const todayAsk = (): TodayAsk | undefined => current;
export function onTodayAsk(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Waits until the other modes may be asked for without slowing Today's paint — the newest Today's, if Today was
 * asked again meanwhile (at once when nothing asked early: a test, or a window opened on another tab). */
export async function afterFirstPaint(): Promise<void> {
  for (let ask = current; ask; ask = ask === current ? undefined : current) await ask.painted;
}

/** Today from `ask` is in the DOM: once the browser has painted that frame, let the rest load. A window off screen
 * paints no frames (one built hidden ahead of time loads so): it lets the rest load at once, since nobody is waiting
 * for Today there. */
export function todayRendered(ask: TodayAsk | undefined = current): void {
  if (!ask) return;
  if (typeof requestAnimationFrame !== 'function' || !onScreen()) return ask.release();
  requestAnimationFrame(() => setTimeout(ask.release, 0));
}

/** The window opened on another mode, which needs the full answer for its own first paint. */
export const firstPaintNeedsEverything = (): void => current?.release();
