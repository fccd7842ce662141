// Runs everywhere. The "Follow-ups" mode: every next step still to be done, by the rep's calendar day — due today,
// overdue (due on an earlier day and not done), upcoming. A step of a closed deal is not a follow-up any more, and a
// meeting-kind step is kept once its meeting takes place.
import type { NextStep } from '../../domain';
import { daysBetween, type DayKey } from '../local-days';
import { accountOf, compareInstants, compareText, isOutstanding, type ReviewIndex } from './review-index';
import { stepSummary, type StepSummary } from './today-calls';

export interface FollowUp extends StepSummary {
  threadId: string;
  account: string;
  dealTitle: string;
  /** The call it was agreed on. */
  fromMeetingTitle: string;
  purpose: string;
  bring: string;
  /** The rep's calendar day it is due. */
  dueDay: DayKey;
  /** Calendar days past due (0 when due today or later). */
  daysLate: number;
  /** How often it was moved, and the latest reason given. */
  reschedules: number;
  lastReason: string | null;
}

export interface FollowUpsView {
  day: DayKey;
  /** Soonest first. */
  dueToday: FollowUp[];
  /** Most recently due first: yesterday's slip is the one still easy to catch; a month-old one is a stalled deal. */
  overdue: FollowUp[];
  /** Soonest first. */
  upcoming: FollowUp[];
}

function followUp(step: NextStep, index: ReviewIndex, today: DayKey): FollowUp {
  const dueDay = index.calendar.dayOf(Date.parse(step.when));
  const moves = step.history.filter((c) => c.action === 'rescheduled');
  return {
    ...stepSummary(step, index),
    threadId: step.threadId,
    account: accountOf(index, step.threadId),
    dealTitle: index.threadById.get(step.threadId)?.title ?? '',
    fromMeetingTitle: index.meetingById.get(step.fromMeetingId)?.title ?? '',
    purpose: step.purpose,
    bring: step.bring,
    dueDay,
    daysLate: Math.max(0, daysBetween(dueDay, today)),
    reschedules: moves.length,
    lastReason: moves.at(-1)?.reason ?? null,
  };
}

const byWhen = (a: FollowUp, b: FollowUp) => compareInstants(a.when, b.when) || compareText(a.id, b.id);

export function followUpsFrom(index: ReviewIndex): FollowUpsView {
  const day = index.calendar.dayOf(index.now);
  const view: FollowUpsView = { day, dueToday: [], overdue: [], upcoming: [] };
  for (const step of index.doc.nextSteps) {
    if (!isOutstanding(step, index)) continue;
    const item = followUp(step, index, day);
    (item.dueDay < day ? view.overdue : item.dueDay === day ? view.dueToday : view.upcoming).push(item);
  }
  view.dueToday.sort(byWhen);
  view.overdue.sort((a, b) => byWhen(b, a));
  view.upcoming.sort(byWhen);
  return view;
}
