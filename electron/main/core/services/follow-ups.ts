// Runs in Node (main and preview). Keeping next steps after the call: mark one done or missed, or move it to a new
// date with a reason — each change kept in the step's history (the rules in shared/rules/follow-up-changes.ts
// decide what is allowed). A meeting the step planned moves with it; a missed step's meeting leaves the diary, and
// comes back (as a fresh planned meeting) when the step is rescheduled.
import type { Handlers } from '../../../../shared/contract';
import { plannedMeeting, type Meeting, type NextStep, type StoreDocument } from '../../../../shared/domain';
import {
  canMark,
  canReschedule,
  markedStep,
  movedMeeting,
  rescheduledStep,
  type ChangeVerdict,
} from '../../../../shared/rules/follow-up-changes';
import { conflict, invalid, MissingRecord } from '../errors';
import { advance, newId, type ServiceContext } from './context';

function findStep(doc: StoreDocument, id: string): { step: NextStep; at: number } {
  const at = doc.nextSteps.findIndex((s) => s.id === id);
  if (at < 0) throw new MissingRecord(['nextSteps', id], 'That next step');
  return { step: doc.nextSteps[at]!, at };
}

function enforce(verdict: ChangeVerdict): void {
  if (verdict.ok) return;
  throw verdict.field ? invalid({ [verdict.field]: verdict.message }, verdict.message) : conflict(verdict.message);
}

/** The meeting a step planned, if it is still only planned. */
function stillPlanned(doc: StoreDocument, step: NextStep): Meeting | undefined {
  const meeting = step.plannedMeetingId ? doc.meetings.find((m) => m.id === step.plannedMeetingId) : undefined;
  return meeting?.status === 'planned' ? meeting : undefined;
}

/** A fresh planned meeting for a step whose meeting was taken out of the diary (missed, then moved). */
function replan(from: Meeting, step: NextStep): Meeting {
  const { start, end } = movedMeeting(from, step.when);
  return plannedMeeting({
    id: newId(),
    threadId: from.threadId,
    title: from.title,
    start,
    end,
    stage: from.stage,
    purpose: from.purpose,
    idealOutcome: from.idealOutcome,
    whyUs: from.whyUs,
    agenda: from.agenda.map((item) => ({ ...item, id: newId(), done: false })),
    attendees: from.attendees,
    internal: from.internal,
    source: { kind: 'next-step', nextStepId: step.id },
    notes: from.notes,
    bring: from.bring,
  });
}

export function followUpsService(ctx: ServiceContext) {
  return {
    markFollowUp: ({ nextStepId, status }) =>
      ctx.mutate((doc) => {
        const { step, at } = findStep(doc, nextStepId);
        enforce(canMark(step, doc.threads.find((t) => t.id === step.threadId), status));
        const marked = markedStep(step, status, ctx.nowIso());
        doc.nextSteps[at] = marked;
        // A missed step's meeting did not (and will not) happen: out of the diary, so it asks nothing more.
        const meeting = status === 'missed' ? stillPlanned(doc, marked) : undefined;
        if (meeting) advance(doc, meeting, 'cancel');
        return marked;
      }),

    rescheduleFollowUp: ({ nextStepId, when, reason }) =>
      ctx.mutate((doc) => {
        const { step, at } = findStep(doc, nextStepId);
        const iso = new Date(when).toISOString();
        enforce(canReschedule(step, doc.threads.find((t) => t.id === step.threadId), iso, ctx.clock.now()));
        const moved = rescheduledStep(step, iso, reason, ctx.nowIso());
        doc.nextSteps[at] = moved;
        const planned = step.plannedMeetingId ? doc.meetings.find((m) => m.id === step.plannedMeetingId) : undefined;
        if (!planned) return { step: moved, plannedMeeting: null };
        if (planned.status === 'planned') {
          Object.assign(planned, movedMeeting(planned, iso));
          return { step: moved, plannedMeeting: planned };
        }
        if (planned.status !== 'cancelled') return { step: moved, plannedMeeting: null }; // it took place: nothing to move
        const fresh = replan(planned, moved);
        doc.meetings.push(fresh);
        moved.plannedMeetingId = fresh.id;
        return { step: moved, plannedMeeting: fresh };
      }),
  } satisfies Pick<Handlers, 'markFollowUp' | 'rescheduleFollowUp'>;
}
