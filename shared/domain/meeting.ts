// Runs everywhere. A meeting is one step of a thread: it has a point (purpose), an ideal outcome and an agenda.
import { z } from 'zod';
import { builtOnFirstUse, Id, Instant, optionalText, requiredText } from './primitives';

export const AgendaItem = builtOnFirstUse(() =>
  z.object({
    id: Id,
    text: requiredText('An agenda item', 300),
    done: z.boolean().default(false),
    minutes: z.number().int().min(1, 'Minutes must be at least 1.').max(480, 'Minutes must be at most 480.').optional(),
  }),
);
export type AgendaItem = z.infer<typeof AgendaItem>;

export const ConfirmationKind = builtOnFirstUse(() => z.enum(['confirm', 'reconfirm']));
export type ConfirmationKind = z.infer<typeof ConfirmationKind>;

export const Confirmation = builtOnFirstUse(() =>
  z.object({
    kind: ConfirmationKind,
    at: Instant,
    result: z.enum(['agreed', 'adjusted']),
    adjustedPurpose: z.string().trim().max(500).optional(),
  }),
);
export type Confirmation = z.infer<typeof Confirmation>;

export const PromptKind = builtOnFirstUse(() =>
  z.enum(['confirm-purpose', 'reconfirm-purpose', 'ask-next-meeting', 'overtime']),
);
export type PromptKind = z.infer<typeof PromptKind>;

/** The rep's answer to an overlay prompt, logged with its time. */
export const PromptAnswer = builtOnFirstUse(() =>
  z.object({
    prompt: PromptKind,
    answer: z.enum(['done', 'snoozed']),
    at: Instant,
    snoozeMinutes: z.number().int().min(1).max(60).optional(),
  }),
);
export type PromptAnswer = z.infer<typeof PromptAnswer>;

export const MeetingStatus = builtOnFirstUse(() =>
  z.enum(['planned', 'live', 'wrapping-up', 'done', 'cancelled', 'no-show']),
);
export type MeetingStatus = z.infer<typeof MeetingStatus>;

export const MeetingSource = builtOnFirstUse(() =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('manual') }),
    z.object({ kind: z.literal('next-step'), nextStepId: Id }),
    z.object({ kind: z.literal('calendar'), calendarId: Id, uid: z.string().min(1), recurrenceId: z.string().optional() }),
  ]),
);
export type MeetingSource = z.infer<typeof MeetingSource>;

export const Outcome = builtOnFirstUse(() => z.enum(['achieved', 'partly', 'missed']));
export type Outcome = z.infer<typeof Outcome>;

/** The link that joins the call. The calendar sync checks an event's link with it, so a meeting it plans is savable. */
export const JoinUrl = builtOnFirstUse(() => z.string().url());

/** The limits of the meeting fields the app also fills itself (clipped to fit, see `clip`). */
export const MEETING_LIMITS = { title: 200, notes: 5000 } as const;

export const Meeting = builtOnFirstUse(() =>
  z.object({
    id: Id,
    threadId: Id,
    title: requiredText('The meeting title', MEETING_LIMITS.title),
    start: Instant,
    end: Instant,
    stage: requiredText('The stage', 80),
    purpose: optionalText('The purpose', 500),
    idealOutcome: optionalText('The ideal outcome', 500),
    whyUs: optionalText('Why us', 1000),
    agenda: z.array(AgendaItem).max(50).default([]),
    attendees: z.array(z.string().trim().min(1).max(200)).max(200).default([]),
    joinUrl: JoinUrl.optional(),
    internal: z.boolean().default(false),
    source: MeetingSource,
    status: MeetingStatus,
    startedAt: Instant.optional(),
    endedAt: Instant.optional(),
    confirmations: z.array(Confirmation).default([]),
    promptAnswers: z.array(PromptAnswer).default([]),
    /** What the rep jotted at the "ask for the next meeting" prompt ("tue 3pm demo with Dana"); pre-fills the wrap-up. */
    nextStepJot: optionalText('The note', 300),
    outcome: Outcome.optional(),
    notes: optionalText('Notes', MEETING_LIMITS.notes),
    /** Carried forward from the step that created this meeting: what the rep promised to bring. */
    bring: optionalText('What to bring', 500),
  }),
);
export type Meeting = z.infer<typeof Meeting>;

/** A planned meeting with every optional part empty: one place for the defaults, whoever plans it. */
export const plannedMeeting = (
  fields: Pick<Meeting, 'id' | 'threadId' | 'title' | 'start' | 'end' | 'stage' | 'source'> & Partial<Meeting>,
): Meeting => ({
  purpose: '',
  idealOutcome: '',
  whyUs: '',
  agenda: [],
  attendees: [],
  internal: false,
  status: 'planned',
  confirmations: [],
  promptAnswers: [],
  nextStepJot: '',
  notes: '',
  bring: '',
  ...fields,
});
