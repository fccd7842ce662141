// Runs everywhere (the core decides with these; tests call them directly). What the rep may do with a logged next
// step after the call, and what it does to the step: mark it done or missed, or move it to a new date with a reason.
// Every change is appended to the step's history, so the deal's story stays honest — a step moved three times says so.
import type { Meeting, NextStep, NextStepChange, Thread } from '../domain';

export type ChangeVerdict = { ok: true } | { ok: false; message: string; field?: 'when' | 'reason' };

/** A step's history is capped (the schema allows 200 changes) so one step can never bloat the store. */
export const MAX_CHANGES = 200;

const RESULT_WORDS = { won: 'won', lost: 'lost', 'not-a-fit': 'not a fit' } as const;

function dealClosed(thread: Thread | undefined): string | null {
  if (!thread || thread.status === 'open') return null;
  return `The deal with ${thread.account} is closed (${RESULT_WORDS[thread.status]}), so its next steps stay as they were.`;
}

const tooManyChanges = (step: NextStep) =>
  step.history.length >= MAX_CHANGES ? 'This step has been changed too many times. Log a fresh next step at your next call instead.' : null;

export function canMark(step: NextStep, thread: Thread | undefined, status: 'done' | 'missed'): ChangeVerdict {
  const refusal =
    dealClosed(thread) ?? (step.status === status ? `This step is already marked ${status}.` : null) ?? tooManyChanges(step);
  return refusal ? { ok: false, message: refusal } : { ok: true };
}

export function canReschedule(step: NextStep, thread: Thread | undefined, when: string, now: number): ChangeVerdict {
  const refusal =
    dealClosed(thread) ??
    (step.status === 'done' ? 'This step is already done, so there is nothing to move.' : null) ??
    tooManyChanges(step);
  if (refusal) return { ok: false, message: refusal };
  if (Date.parse(when) <= now) return { ok: false, field: 'when', message: 'Pick a new date and time in the future.' };
  if (Date.parse(when) === Date.parse(step.when)) {
    return { ok: false, field: 'when', message: 'That is the date it already has. Pick the new one.' };
  }
  return { ok: true };
}

/** The step marked done or missed (a copy; the caller stores it). */
export const markedStep = (step: NextStep, status: 'done' | 'missed', at: string): NextStep => ({
  ...step,
  status,
  history: [...step.history, { action: status, at }],
});

/** The step moved to `when` (a missed step is open again). */
export function rescheduledStep(step: NextStep, when: string, reason: string, at: string): NextStep {
  const change: NextStepChange = { action: 'rescheduled', at, from: step.when, to: when, reason };
  return { ...step, when, status: 'open', history: [...step.history, change] };
}

/** A planned meeting keeps its length when its step moves. */
export function movedMeeting(meeting: Meeting, when: string): Pick<Meeting, 'start' | 'end'> {
  const length = Date.parse(meeting.end) - Date.parse(meeting.start);
  return { start: when, end: new Date(Date.parse(when) + length).toISOString() };
}
