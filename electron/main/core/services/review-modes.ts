// Runs in Node (main and preview). The end-of-day review's read model and its memory: every mode computed by the
// pure rules in shared/rules/review-queries.ts (the window only lays them out), in the rep's time zone as their
// window reports it (Today alone first, for the window's first paint), and the last day the rep marked as reviewed.
import type { Handlers } from '../../../../shared/contract';
import { localCalendar } from '../../../../shared/rules/local-days';
import { invalid } from '../errors';
import type { ServiceContext } from './context';

/** The review's queries, loaded when the review first asks (not at start-up: most of a day needs only the overlay). */
const queries = () => import('../../../../shared/rules/review-queries');

export function reviewModesService(ctx: ServiceContext) {
  return {
    // The whole document: a deal's last contact or a week's calls may lie in the settled history.
    getReviewModes: async (input) => (await queries()).reviewModes(await ctx.store.whole(), ctx.clock.now(), input?.timeZone),
    getReviewToday: async (input) => (await queries()).reviewToday(await ctx.store.whole(), ctx.clock.now(), input?.timeZone),

    async markReviewed({ day, timeZone }) {
      const today = localCalendar(timeZone).dayOf(ctx.clock.now());
      if (day > today) throw invalid({ day: 'Only today or an earlier day can be marked as reviewed.' });
      return ctx.mutate((doc) => {
        const last = doc.review?.lastReviewedDay;
        // "Last reviewed" never goes backwards: catching up on yesterday after today keeps today.
        const lastReviewedDay = last && last > day ? last : day;
        doc.review = { lastReviewedDay, reviewedAt: ctx.nowIso() };
        return { lastDay: lastReviewedDay, at: doc.review.reviewedAt ?? null, today: lastReviewedDay >= today };
      });
    },
  } satisfies Pick<Handlers, 'getReviewModes' | 'getReviewToday' | 'markReviewed'>;
}
