// Runs in Node (main and preview). The wrap-up gate's exits: log the next step (its own point, a real date and
// time, what the rep will bring, whether the prospect agreed) or close the deal thread out with a reason.
import type { Handlers, MethodInput } from '../../../../shared/contract';
import { clip, isMeetingKind, MEETING_LIMITS, plannedMeeting, type Meeting, type NextStep, type NextStepKind, type Settings, type StoreDocument } from '../../../../shared/domain';
import { OWES_WRAP_UP } from '../../../../shared/rules/lifecycle';
import { templateForStage } from '../../../../shared/rules/stage-templates';
import { assessNextStep } from '../../../../shared/rules/next-step-quality';
import { wrapUpToShow, pendingWrapUps } from '../../../../shared/rules/wrap-up-gate';
import { conflict, invalid } from '../errors';
import { advance, findMeeting, findThread, newId, type ServiceContext } from './context';

function owingMeeting(doc: StoreDocument, id: string): Meeting {
  const meeting = findMeeting(doc, id);
  if (!OWES_WRAP_UP.includes(meeting.status)) throw conflict('This call is already wrapped up.');
  return meeting;
}

const stageFor = (kind: NextStepKind): string => (kind === 'demo' ? 'Demo' : kind === 'presentation' ? 'Presentation' : 'Follow-up');

const OUTCOME_WORDS = { achieved: 'achieved', partly: 'partly achieved', missed: 'missed' } as const;

/** A meeting-kind step puts the next meeting in the diary, carrying forward its point, what to bring and how the
 * last call went — so the rep walks into it prepared. */
function planNextMeeting(step: NextStep, from: Meeting, templates: Settings['stageTemplates']): Meeting {
  const end = new Date(Date.parse(step.when) + step.durationMinutes * 60_000).toISOString();
  const last = from.outcome ? `Last call (${from.title}): ideal outcome ${OUTCOME_WORDS[from.outcome]}.` : '';
  return plannedMeeting({
    id: newId(),
    threadId: step.threadId,
    title: clip(step.what, MEETING_LIMITS.title),
    start: step.when,
    end,
    stage: stageFor(step.kind),
    agenda: templateForStage(stageFor(step.kind), templates).map(({ text, minutes }) => ({ id: newId(), text, done: false, ...(minutes ? { minutes } : {}) })),
    purpose: step.purpose,
    whyUs: from.whyUs,
    attendees: from.attendees,
    internal: from.internal,
    source: { kind: 'next-step', nextStepId: step.id },
    notes: clip([last, from.notes].filter(Boolean).join('\n'), MEETING_LIMITS.notes),
    bring: step.bring,
  });
}

const dropDraft = (doc: StoreDocument, meetingId: string) => {
  doc.drafts = doc.drafts.filter((d) => d.meetingId !== meetingId);
};

function recordOutcome(meeting: Meeting, input: { outcome?: Meeting['outcome']; notes: string }) {
  if (input.outcome) meeting.outcome = input.outcome;
  if (input.notes) meeting.notes = input.notes;
}

export function wrapUpService(ctx: ServiceContext) {
  /** After a wrap-up clears: show the next one in the queue, or put the window away. */
  const announceQueue = () =>
    ctx.emit('window', { window: 'wrapup', action: wrapUpToShow(ctx.store.data) ? 'show' : 'hide' });

  return {
    async getWrapUp() {
      const doc = ctx.store.data;
      const meeting = wrapUpToShow(doc);
      if (!meeting) return null;
      const draft = doc.drafts.find((d) => d.meetingId === meeting.id)?.values ?? null;
      return {
        meeting,
        thread: findThread(doc, meeting.threadId),
        pending: pendingWrapUps(doc).length,
        draft,
        coach: { maxDaysOut: doc.settings.nextStep.maxDaysOut },
      };
    },

    saveWrapUpDraft: ({ meetingId, values }) =>
      ctx.mutate((doc) => {
        owingMeeting(doc, meetingId);
        const savedAt = ctx.nowIso();
        doc.drafts = [...doc.drafts.filter((d) => d.meetingId !== meetingId), { meetingId, savedAt, values }];
        return { savedAt };
      }),

    async logNextStep(input: MethodInput<'logNextStep'>) {
      const result = await ctx.mutate((doc) => {
        const meeting = owingMeeting(doc, input.meetingId);
        const coach = { now: ctx.clock.now(), maxDaysOut: doc.settings.nextStep.maxDaysOut };
        const blocking = assessNextStep(input, coach).filter((f) => f.severity === 'required');
        if (blocking.length > 0) throw invalid(Object.fromEntries(blocking.map((f) => [f.field, f.message])));
        const step: NextStep = {
          id: newId(),
          threadId: meeting.threadId,
          fromMeetingId: meeting.id,
          kind: input.kind,
          what: input.what,
          when: new Date(input.when).toISOString(),
          durationMinutes: input.durationMinutes,
          owner: input.owner,
          purpose: input.purpose,
          bring: input.bring,
          agreed: input.agreed,
          status: 'open',
          createdAt: ctx.nowIso(),
          history: [],
        };
        recordOutcome(meeting, input);
        const planned = isMeetingKind(step.kind) ? planNextMeeting(step, meeting, doc.settings.stageTemplates) : null;
        if (planned) {
          step.plannedMeetingId = planned.id;
          doc.meetings.push(planned);
        }
        doc.nextSteps.push(step);
        advance(doc, meeting, 'resolve');
        dropDraft(doc, meeting.id);
        return { step, plannedMeeting: planned };
      });
      announceQueue();
      return result;
    },

    async closeOutThread(input: MethodInput<'closeOutThread'>) {
      const thread = await ctx.mutate((doc) => {
        const meeting = owingMeeting(doc, input.meetingId);
        const target = findThread(doc, meeting.threadId);
        target.status = input.result;
        target.closeOut = { result: input.result, reason: input.reason, at: ctx.nowIso(), meetingId: meeting.id };
        recordOutcome(meeting, input);
        // Closing the deal settles every wrap-up it still owed.
        for (const owed of doc.meetings.filter((m) => m.threadId === target.id && OWES_WRAP_UP.includes(m.status))) {
          advance(doc, owed, 'resolve');
          dropDraft(doc, owed.id);
        }
        return target;
      });
      announceQueue();
      return thread;
    },
  } satisfies Pick<Handlers, 'getWrapUp' | 'saveWrapUpDraft' | 'logNextStep' | 'closeOutThread'>;
}
