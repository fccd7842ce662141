// Runs everywhere (the core answers with these; tests call them directly). The end-of-day review's questions as pure
// functions of the store document, the time and the rep's time zone — so every count the review shows (3 due,
// 2 stalled, 1 unprepared) is computed, and tested, here and never in React. Each mode lives in ./review/; this file
// is the front door, and `reviewModes` answers all of them from one pass over the document (`reviewToday` only what
// the review paints first).
import type { StoreDocument } from '../domain';
import { followUpsFrom, type FollowUpsView } from './review/follow-ups';
import { metricsFrom, type MetricsOptions, type MetricsView } from './review/metrics';
import { reviewIndex, type ReviewIndex } from './review/review-index';
import { isStalledAt } from './review/stalled';
import { threadsFrom, type ThreadsOptions, type ThreadsView } from './review/threads';
import { todayCallsFrom, type TodayView } from './review/today-calls';
import { tomorrowFrom, type TomorrowView } from './review/tomorrow';
import type { DayKey } from './local-days';

export type { CallPhase, StepSummary, TodayCall, TodayView } from './review/today-calls';
export type { FollowUp, FollowUpsView } from './review/follow-ups';
export type { ChainLink, StallReason, ThreadSummary, ThreadsView } from './review/threads';
export type { PrepGap, TomorrowMeeting, TomorrowView } from './review/tomorrow';
export type { MetricsView, PeriodMetrics } from './review/metrics';
export type { DayKey } from './local-days';

export const todayCalls = (doc: StoreDocument, now: number, timeZone?: string): TodayView =>
  todayCallsFrom(reviewIndex(doc, now, timeZone));

export const followUps = (doc: StoreDocument, now: number, timeZone?: string): FollowUpsView =>
  followUpsFrom(reviewIndex(doc, now, timeZone));

export const threadChains = (doc: StoreDocument, now: number, timeZone?: string, options?: ThreadsOptions): ThreadsView =>
  threadsFrom(reviewIndex(doc, now, timeZone), options);

export const tomorrowPrep = (doc: StoreDocument, now: number, timeZone?: string): TomorrowView =>
  tomorrowFrom(reviewIndex(doc, now, timeZone));

export const reviewMetrics = (doc: StoreDocument, now: number, timeZone?: string, options?: MetricsOptions): MetricsView =>
  metricsFrom(reviewIndex(doc, now, timeZone), options);

export interface ReviewedMemory {
  /** The latest day the rep marked as reviewed. */
  lastDay: DayKey | null;
  at: string | null;
  /** Today (in the rep's zone) is already reviewed. */
  today: boolean;
}

/** What the review paints first — Today and the banners around it — without the cost of the other modes (the
 * window asks for them right after its first paint). */
export interface ReviewToday {
  now: number;
  timeZone: string;
  today: TodayView;
  reviewed: ReviewedMemory;
  /** Calls owing a wrap-up, oldest first (the review's banner). */
  pendingWrapUps: { meetingId: string; title: string }[];
  /** Open deals, stalled or not: with no call today and none of these, a first run opens on Plan instead. */
  openDeals: number;
  /** The numbers on the tabs (with the first paint, so the tab row does not shift when the other modes arrive). */
  counts: { due: number; overdue: number; stalled: number; unprepared: number };
}

export interface ReviewModes extends ReviewToday {
  followUps: FollowUpsView;
  threads: ThreadsView;
  tomorrow: TomorrowView;
  metrics: MetricsView;
}

/** Today and the tab counts; the follow-ups and tomorrow views are reused when the caller has them already. The
 * stalled count asks the stalled rule of each open deal, without building every deal's chain. */
function todayFrom(index: ReviewIndex, follow = followUpsFrom(index), tomorrow = tomorrowFrom(index)): ReviewToday {
  const { doc } = index;
  const today = todayCallsFrom(index);
  const lastDay = doc.review?.lastReviewedDay ?? null;
  let openDeals = 0;
  let stalled = 0;
  for (const thread of doc.threads) {
    if (thread.status !== 'open') continue;
    openDeals++;
    if (isStalledAt(thread, index.now, index)) stalled++;
  }
  return {
    now: index.now,
    timeZone: index.calendar.timeZone,
    today,
    reviewed: { lastDay, at: doc.review?.reviewedAt ?? null, today: lastDay !== null && lastDay >= today.day },
    pendingWrapUps: [...index.pendingWrapUpIds].map((id) => ({ meetingId: id, title: index.meetingById.get(id)?.title ?? '' })),
    openDeals,
    counts: {
      due: follow.dueToday.length + follow.overdue.length,
      overdue: follow.overdue.length,
      stalled,
      unprepared: tomorrow.unprepared,
    },
  };
}

/** Today and the tab counts (a few ms for a year), for the review's first paint. */
export const reviewToday = (doc: StoreDocument, now: number, timeZone?: string): ReviewToday => todayFrom(reviewIndex(doc, now, timeZone));

/** Every mode of the review at once, from one index of the document. */
export function reviewModes(doc: StoreDocument, now: number, timeZone?: string): ReviewModes {
  const index = reviewIndex(doc, now, timeZone);
  const follow = followUpsFrom(index);
  const threads = threadsFrom(index);
  const tomorrow = tomorrowFrom(index);
  return { ...todayFrom(index, follow, tomorrow), followUps: follow, threads, tomorrow, metrics: metricsFrom(index) };
}
