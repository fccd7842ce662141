// Runs everywhere. The next step is the agreed next action of a thread; logging one is what clears a wrap-up.
import { z } from 'zod';
import { builtOnFirstUse, Id, Instant, optionalText, requiredText } from './primitives';

import { MEETING_KINDS, TASK_KINDS } from './kinds';

export { isMeetingKind, MEETING_KINDS, TASK_KINDS } from './kinds';

export const NextStepKind = builtOnFirstUse(() =>
  z.enum([...MEETING_KINDS, ...TASK_KINDS], {
    error: 'Choose what kind of step it is (a call, a meeting, a demo… or a task).',
  }),
);
export type NextStepKind = z.infer<typeof NextStepKind>;

export const Owner = builtOnFirstUse(() =>
  z.enum(['me', 'prospect', 'both'], { error: 'Say who owns the step: you, the prospect or both.' }),
);
export type Owner = z.infer<typeof Owner>;

export const NextStepStatus = builtOnFirstUse(() => z.enum(['open', 'done', 'missed']));
export type NextStepStatus = z.infer<typeof NextStepStatus>;

/** One change the rep made to a logged step after the call, kept so the deal's story stays honest: marked done or
 * missed, or moved to a new date (with why). */
export const NextStepChange = builtOnFirstUse(() =>
  z.discriminatedUnion('action', [
    z.object({ action: z.literal('done'), at: Instant }),
    z.object({ action: z.literal('missed'), at: Instant }),
    z.object({
      action: z.literal('rescheduled'),
      at: Instant,
      from: Instant,
      to: Instant,
      reason: requiredText('The reason', 300),
    }),
  ]),
);
export type NextStepChange = z.infer<typeof NextStepChange>;

export const NextStep = builtOnFirstUse(() =>
  z.object({
    id: Id,
    threadId: Id,
    fromMeetingId: Id,
    kind: NextStepKind,
    what: requiredText('What happens next', 300),
    when: Instant,
    durationMinutes: z.number().int().min(5).max(600).default(30),
    owner: Owner,
    purpose: requiredText('The point of the next step', 500),
    bring: optionalText('What you will bring', 500),
    agreed: z.boolean(),
    status: NextStepStatus,
    createdAt: Instant,
    plannedMeetingId: Id.optional(),
    /** Oldest first. Files written before history existed read as an empty history. */
    history: z.array(NextStepChange).max(200).default([]),
  }),
);
export type NextStep = z.infer<typeof NextStep>;
