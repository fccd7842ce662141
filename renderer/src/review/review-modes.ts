// Runs in the renderer. The review's data: Today first — from the entry's early ask (first-paint.ts) — then every
// mode, computed by the core in this window's time zone (the rep's) once Today is painted, and refetched whenever the
// store changes while the window is on screen (changes made while it is hidden are caught up with when it is shown,
// Today first again: ui/on-screen.ts, first-paint.ts). Also the small date words the modes share.
import { useLayoutEffect, useState, useSyncExternalStore } from 'react';
import type { DayKey } from '../../../shared/rules/review-queries';
import type { ReviewModes, ReviewToday } from '../../../shared/views';
import { api, type ApiError } from '../api';
import { formatWhen } from '../ui/format';
import { reuseEqual } from '../ui/reuse-equal';
import { useView } from '../ui/useView';
import { afterFirstPaint, onTodayAsk, todayAsk, todayRendered, windowTimeZone } from './first-paint';

export { windowTimeZone };

const getModes = async () => {
  await afterFirstPaint();
  return api.getReviewModes({ timeZone: windowTimeZone() });
};

export interface ReviewData {
  /** What Today needs: the full answer once it is here, else the early one. */
  today: ReviewToday | undefined;
  /** Every mode (the tabs' counts, the other modes): `undefined` until the ask after the first paint is answered. */
  modes: ReviewModes | undefined;
  error: ApiError | null;
  reload(): void;
}

export function useReviewData(): ReviewData {
  const ask = useSyncExternalStore(onTodayAsk, todayAsk, todayAsk);
  /** The newest answer to an ask for Today alone, with its ask. */
  const [alone, setAlone] = useState(() => (ask?.value ? { ask, value: ask.value } : undefined));
  // A layout effect, run as soon as the render is committed: a plain effect waits for the next frame to be painted
  // (and a timer after it), so Today would wait for a "Loading" frame it does not need.
  useLayoutEffect(() => {
    if (!ask || alone?.ask === ask) return;
    let alive = true;
    // Also when the answer landed between the render and this effect: `then` still runs for it.
    ask.answer.then(
      (value) => alive && setAlone({ ask, value }),
      () => {},
    );
    return () => {
      alive = false;
    };
  }, [ask, alone]);
  // Once that Today is committed, the other modes may be asked for after its frame.
  useLayoutEffect(() => {
    if (alone) todayRendered(alone.ask);
  }, [alone]);
  const all = useView(getModes);
  // Each answer is a whole new object: keep the parts that did not change (Today from the early answer too), so the
  // memoised modes re-render only where something did. Today shows the newest answer of the two kinds: a Today asked
  // alone when the window came back on screen is newer than the modes on screen, until the modes' own refetch.
  const [answer, setAnswer] = useState(all.data);
  const [modes, setModes] = useState(all.data);
  const [shownAlone, setShownAlone] = useState(alone);
  const [today, setToday] = useState<ReviewToday | undefined>(alone?.value);
  if (answer !== all.data) {
    setAnswer(all.data);
    const next = all.data && reuseEqual(modes ?? today, all.data);
    setModes(next);
    if (next) setToday(next);
  }
  if (shownAlone !== alone) {
    setShownAlone(alone);
    if (alone) setToday(reuseEqual(today, alone.value));
  }
  return { today, modes, error: all.error, reload: all.reload };
}

/** A calendar day as the rep reads it: "Thu 5 Mar" ("Thursday 5 Mar" with `long`). */
export function dayLabel(day: DayKey, now: number, weekday: 'short' | 'long' = 'short'): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return formatWhen(new Date(y, m - 1, d, 12), now, { time: false, alwaysWeekday: true, weekday });
}
