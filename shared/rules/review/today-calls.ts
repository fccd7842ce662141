// Runs everywhere. The "Today" mode of the end-of-day review: every call of the rep's day with what the method asks
// of it — a purpose set, confirmed with the prospect, re-confirmed — and how it ended: a next step logged (agreed on
// the call or not), the deal closed out, or the wrap-up still pending.
import type { CloseOutResult, Meeting, NextStep, NextStepKind, Outcome, Owner } from '../../domain';
import type { DayKey } from '../local-days';
import { isGated } from '../wrap-up-gate';
import { accountOf, compareInstants, compareText, isKept, wasHeld, type ReviewIndex } from './review-index';

/** A logged next step as the review shows it. */
export interface StepSummary {
  id: string;
  kind: NextStepKind;
  what: string;
  when: string;
  owner: Owner;
  agreed: boolean;
  status: NextStep['status'];
  /** Done, or its planned meeting took place. */
  kept: boolean;
}

export const stepSummary = (step: NextStep, index: Pick<ReviewIndex, 'meetingById'>): StepSummary => ({
  id: step.id,
  kind: step.kind,
  what: step.what,
  when: step.when,
  owner: step.owner,
  agreed: step.agreed,
  status: step.status,
  kept: isKept(step, index),
});

/** Where a call of today stands. */
export type CallPhase =
  | 'upcoming' // planned, still ahead
  | 'live' // in progress
  | 'unheld' // its time passed without being started: did it happen?
  | 'wrap-up-pending' // held, next step not logged yet
  | 'no-show' // the prospect did not come: a reschedule step or a close-out is owed
  | 'next-step-logged'
  | 'closed-out' // the deal was closed out at this call
  | 'done'; // over, nothing owed (an internal meeting)

export interface TodayCall {
  meetingId: string;
  threadId: string;
  title: string;
  account: string;
  stage: string;
  start: string;
  end: string;
  internal: boolean;
  phase: CallPhase;
  /** It took place: started live, or reported held afterwards. */
  held: boolean;
  purposeSet: boolean;
  /** When the purpose was first confirmed with the prospect, and whether they agreed or it was adjusted. */
  confirmed: { at: string; result: 'agreed' | 'adjusted' } | null;
  reconfirmedAt: string | null;
  nextStep: StepSummary | null;
  closeOut: { result: CloseOutResult; reason: string } | null;
  outcome: Outcome | null;
  agenda: { done: number; total: number };
}

export interface TodayView {
  day: DayKey;
  calls: TodayCall[];
  /** The day at a glance: of the calls held so far, how many kept each part of the method. */
  summary: {
    held: number;
    purposeSet: number;
    confirmed: number;
    reconfirmed: number;
    stepsLogged: number;
    stepsAgreed: number;
    /** Calls still owing a wrap-up (or an answer to "did it happen?"). */
    open: number;
  };
}

function phaseOf(meeting: Meeting, index: ReviewIndex, step: NextStep | undefined, closedHere: boolean): CallPhase {
  switch (meeting.status) {
    case 'planned':
      if (Date.parse(meeting.end) > index.now) return 'upcoming';
      // Only gated calls ask "did it happen?" (see unheld-calls.ts); an internal meeting's time simply passes.
      return isGated(meeting, index.doc.settings) ? 'unheld' : 'done';
    case 'live':
      return 'live';
    case 'wrapping-up':
      return 'wrap-up-pending';
    case 'no-show':
      return 'no-show';
    default:
      return step ? 'next-step-logged' : closedHere ? 'closed-out' : 'done';
  }
}

const OWED: readonly CallPhase[] = ['unheld', 'wrap-up-pending', 'no-show'];

export function todayCallsFrom(index: ReviewIndex): TodayView {
  const day = index.calendar.dayOf(index.now);
  const calls = index.doc.meetings
    .filter((m) => m.status !== 'cancelled' && index.calendar.dayOf(Date.parse(m.start)) === day)
    .sort((a, b) => compareInstants(a.start, b.start) || compareText(a.id, b.id))
    .map((meeting): TodayCall => {
      const step = index.stepFromMeeting.get(meeting.id);
      const closeOut = index.threadById.get(meeting.threadId)?.closeOut;
      const closedHere = closeOut?.meetingId === meeting.id;
      const confirm = meeting.confirmations.find((c) => c.kind === 'confirm');
      const reconfirm = meeting.confirmations.find((c) => c.kind === 'reconfirm');
      return {
        meetingId: meeting.id,
        threadId: meeting.threadId,
        title: meeting.title,
        account: accountOf(index, meeting.threadId),
        stage: meeting.stage,
        start: meeting.start,
        end: meeting.end,
        internal: meeting.internal,
        phase: phaseOf(meeting, index, step, closedHere),
        held: wasHeld(meeting),
        purposeSet: meeting.purpose.trim().length > 0,
        confirmed: confirm ? { at: confirm.at, result: confirm.result } : null,
        reconfirmedAt: reconfirm?.at ?? null,
        nextStep: step ? stepSummary(step, index) : null,
        closeOut: closedHere && closeOut ? { result: closeOut.result, reason: closeOut.reason } : null,
        outcome: meeting.outcome ?? null,
        agenda: { done: meeting.agenda.filter((a) => a.done).length, total: meeting.agenda.length },
      };
    });
  const held = calls.filter((c) => c.held);
  const count = (test: (c: TodayCall) => boolean) => held.filter(test).length;
  return {
    day,
    calls,
    summary: {
      held: held.length,
      purposeSet: count((c) => c.purposeSet),
      confirmed: count((c) => c.confirmed !== null),
      reconfirmed: count((c) => c.reconfirmedAt !== null),
      stepsLogged: count((c) => c.nextStep !== null),
      stepsAgreed: count((c) => !!c.nextStep?.agreed),
      open: calls.filter((c) => OWED.includes(c.phase)).length,
    },
  };
}
