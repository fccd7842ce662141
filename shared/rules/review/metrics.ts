// Runs everywhere. The "Metrics" mode: is the rep keeping the method, week by week and month by month? For the calls
// actually held in each period (internal meetings the rep does not gate are left out): the share whose purpose was
// confirmed with the prospect, the share re-confirmed, the share that ended with a next step the prospect agreed on
// the call, the median calendar days from the call to the step it agreed (the date promised on the call, before any
// move) — and how many deals were stalled when the period ended. Periods are the rep's ISO weeks (Monday first) and
// calendar months in their own time zone.
import {
  addDays,
  daysBetween,
  isoWeekKey,
  isoWeekStart,
  monthKey,
  monthStart,
  nextMonthStart,
  type DayKey,
} from '../local-days';
import { isGated } from '../wrap-up-gate';
import { agreedWhen, wasHeld, type ReviewIndex } from './review-index';
import { stalledCounter } from './stalled';

export interface PeriodMetrics {
  /** `2026-W09` or `2026-03`. */
  key: string;
  /** First and last day of the period. */
  start: DayKey;
  end: DayKey;
  /** The period is still running (it holds today). */
  partial: boolean;
  heldCalls: number;
  purposeConfirmed: number;
  reconfirmed: number;
  nextStepAgreed: number;
  /** Shares of the held calls, 0..1; null when no call was held. */
  share: { purposeConfirmed: number | null; reconfirmed: number | null; nextStepAgreed: number | null };
  medianDaysToNextStep: number | null;
  /** Deals stalled when the period ended (now, for the running one). */
  stalledThreads: number;
}

export interface MetricsView {
  /** Oldest first. */
  weeks: PeriodMetrics[];
  months: PeriodMetrics[];
}

export interface MetricsOptions {
  weeks?: number;
  months?: number;
}

interface Tally {
  held: number;
  confirmed: number;
  reconfirmed: number;
  agreed: number;
  days: number[];
}

const emptyTally = (): Tally => ({ held: 0, confirmed: 0, reconfirmed: 0, agreed: 0, days: [] });

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Tallies every held call into its week and its month. */
function tallyCalls(index: ReviewIndex): Map<string, Tally> {
  const tallies = new Map<string, Tally>();
  const { calendar, doc } = index;
  for (const meeting of doc.meetings) {
    if (!wasHeld(meeting) || !isGated(meeting, doc.settings) || Date.parse(meeting.start) > index.now) continue;
    const day = calendar.dayOf(Date.parse(meeting.start));
    const step = index.stepFromMeeting.get(meeting.id);
    const confirmed = meeting.confirmations.some((c) => c.kind === 'confirm');
    const reconfirmed = meeting.confirmations.some((c) => c.kind === 'reconfirm');
    for (const key of [isoWeekKey(day), monthKey(day)]) {
      let tally = tallies.get(key);
      if (!tally) tallies.set(key, (tally = emptyTally()));
      tally.held += 1;
      if (confirmed) tally.confirmed += 1;
      if (reconfirmed) tally.reconfirmed += 1;
      if (step?.agreed) tally.agreed += 1;
      if (step) tally.days.push(daysBetween(day, calendar.dayOf(Date.parse(agreedWhen(step)))));
    }
  }
  return tallies;
}

const share = (n: number, of: number) => (of === 0 ? null : n / of);

function period(key: string, start: DayKey, end: DayKey, today: DayKey, tally: Tally, index: ReviewIndex, stalledAt: (t: number) => number): PeriodMetrics {
  const endsAt = Math.min(index.now, index.calendar.startOf(addDays(end, 1)) - 1);
  return {
    key,
    start,
    end,
    partial: start <= today && today <= end,
    heldCalls: tally.held,
    purposeConfirmed: tally.confirmed,
    reconfirmed: tally.reconfirmed,
    nextStepAgreed: tally.agreed,
    share: {
      purposeConfirmed: share(tally.confirmed, tally.held),
      reconfirmed: share(tally.reconfirmed, tally.held),
      nextStepAgreed: share(tally.agreed, tally.held),
    },
    medianDaysToNextStep: median(tally.days),
    stalledThreads: stalledAt(endsAt),
  };
}

export function metricsFrom(index: ReviewIndex, options: MetricsOptions = {}): MetricsView {
  const today = index.calendar.dayOf(index.now);
  const tallies = tallyCalls(index);
  const tallyOf = (key: string) => tallies.get(key) ?? emptyTally();
  const stalledAt = stalledCounter(index);

  const weeks: PeriodMetrics[] = [];
  const thisWeek = isoWeekStart(today);
  for (let i = (options.weeks ?? 52) - 1; i >= 0; i--) {
    const start = addDays(thisWeek, -7 * i);
    const key = isoWeekKey(start);
    weeks.push(period(key, start, addDays(start, 6), today, tallyOf(key), index, stalledAt));
  }

  const months: PeriodMetrics[] = [];
  let start = monthStart(today);
  for (let i = 1; i < (options.months ?? 12); i++) start = monthStart(addDays(start, -1));
  for (let i = 0; i < (options.months ?? 12); i++) {
    const next = nextMonthStart(start);
    const key = monthKey(start);
    months.push(period(key, start, addDays(next, -1), today, tallyOf(key), index, stalledAt));
    start = next;
  }
  return { weeks, months };
}
