// Runs in the renderer. The review's data: Today first — from the entry's early ask (first-paint.ts) — then every
// mode, computed by the core in this window's time zone (the rep's) once Today is painted, and refetched whenever the
// store changes. Also the small date words the modes share.
import { useLayoutEffect, useState } from 'react';
import type { DayKey } from '../../../shared/rules/review-queries';
import type { ReviewModes, ReviewToday } from '../../../shared/views';
import { api, type ApiError } from '../api';
import { formatWhen } from '../ui/format';
import { reuseEqual } from '../ui/reuse-equal';
import { useView } from '../ui/useView';
import { afterFirstPaint, earlyToday, windowTimeZone } from './first-paint';

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
  const early = earlyToday();
  const [first, setFirst] = useState<ReviewToday | undefined>(early?.value);
  // A layout effect, run as soon as the first render is committed: a plain effect waits for the next frame to be
  // painted (and a timer after it), so Today would wait for a "Loading" frame it does not need.
  useLayoutEffect(() => {
    if (!early) return;
    let alive = true;
    // Also when the answer landed between the first render and this effect: `then` still runs for it.
    early.answer.then(
      (value) => alive && setFirst(value),
      () => {},
    );
    return () => {
      alive = false;
    };
  }, [early]);
  const all = useView(getModes);
  // Each answer is a whole new object: keep the parts that did not change (Today from the early answer too), so the
  // memoised modes re-render only where something did.
  const [answer, setAnswer] = useState(all.data);
  const [modes, setModes] = useState(all.data);
  if (answer !== all.data) {
    setAnswer(all.data);
    setModes(all.data && reuseEqual(modes ?? first, all.data));
  }
  return { today: modes ?? first, modes, error: all.error, reload: all.reload };
}

/** A calendar day as the rep reads it: "Thu 5 Mar" ("Thursday 5 Mar" with `long`). */
export function dayLabel(day: DayKey, now: number, weekday: 'short' | 'long' = 'short'): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return formatWhen(new Date(y, m - 1, d, 12), now, { time: false, alwaysWeekday: true, weekday });
}
