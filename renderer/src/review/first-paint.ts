// Runs in the renderer, first of all: the review's entry calls it before React and the modes are even loaded. It asks
// the core for Today alone (a few ms) while the rest of the page's code downloads and compiles, so the first paint
// waits for neither the other modes nor a request made after mount; the other modes are asked for once Today is on
// screen (`afterFirstPaint`). Imports nothing heavier than the api, to stay in the small entry chunk.
import type { ReviewToday } from '../../../shared/views';
import { api } from '../api';

/** The zone this window shows times in: the core counts "today" and "overdue" in the same one. */
export const windowTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The same zone without starting Intl where the browser has Temporal (both read the system's zone). A page's first
 * Intl object costs ~20 ms here (ICU's start-up), which the early ask should not wait for. */
function zoneForTheEarlyAsk(): string {
  const temporal = (globalThis as { Temporal?: { Now?: { timeZoneId?: () => string } } }).Temporal;
  return temporal?.Now?.timeZoneId?.() ?? windowTimeZone();
}

interface EarlyAsk {
  answer: Promise<ReviewToday>;
  /** The answer once it has arrived, so React's first render can show Today without waiting a tick. */
  value?: ReviewToday;
}

let early: EarlyAsk | undefined;

let releaseRest: () => void = () => {};
/** Resolves once Today is painted (or at once when nothing asked early: a test, or a window opened on another tab). */
const restMayLoad = new Promise<void>((resolve) => (releaseRest = resolve));

/** Asks for Today now. Called by the entry only, once. */
export function askTodayEarly(): void {
  const zone = zoneForTheEarlyAsk();
  const asked = api.getReviewToday({ timeZone: zone });
  // Then the zone as the window's dates will be shown in (Intl): an answer for another zone is not used. Asked here,
  // this also pays Intl's start-up while the app's code downloads rather than in the first render.
  const answer = windowTimeZone() === zone ? asked : asked.then(() => Promise.reject(new Error('Asked in another time zone.')));
  const ask: EarlyAsk = { answer };
  answer.then(
    (value) => (ask.value = value),
    // A failed early ask costs nothing: the full ask that follows shows its error.
    () => releaseRest(),
  );
  early = ask;
}

/** The early ask, if the entry made one. */
export const earlyToday = (): EarlyAsk | undefined => early;

/** Waits until the other modes may be asked for without slowing Today's first paint. */
export const afterFirstPaint = (): Promise<void> => (early ? restMayLoad : Promise.resolve());

/** Today is in the DOM: once the browser has painted that frame, let the rest load. */
export function todayRendered(): void {
  if (typeof requestAnimationFrame !== 'function') return releaseRest();
  requestAnimationFrame(() => setTimeout(releaseRest, 0));
}

/** The window opened on another mode, which needs the full answer for its own first paint. */
export const firstPaintNeedsEverything = (): void => releaseRest();
