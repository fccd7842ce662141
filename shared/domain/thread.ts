// Runs everywhere. A thread is one deal with one prospect account.
import { z } from 'zod';
import { builtOnFirstUse, Id, Instant, optionalText, requiredText } from './primitives';

export const CloseOutResult = builtOnFirstUse(() =>
  z.enum(['won', 'lost', 'not-a-fit'], {
    error: 'Choose how the deal ended: won, lost or not a fit.',
  }),
);
export type CloseOutResult = z.infer<typeof CloseOutResult>;

export const CloseOut = builtOnFirstUse(() =>
  z.object({
    result: CloseOutResult,
    reason: requiredText('A reason', 1000).refine((s) => s.length >= 3, 'Say in a few words why the deal ended.'),
    at: Instant,
    meetingId: Id.optional(),
  }),
);
export type CloseOut = z.infer<typeof CloseOut>;

export const ThreadStatus = builtOnFirstUse(() => z.enum(['open', 'won', 'lost', 'not-a-fit']));
export type ThreadStatus = z.infer<typeof ThreadStatus>;

export const Thread = builtOnFirstUse(() =>
  z.object({
    id: Id,
    title: requiredText('The deal name', 200),
    account: requiredText('The account', 200),
    contacts: z.array(z.string().trim().min(1).max(200)).max(50).default([]),
    status: ThreadStatus,
    createdAt: Instant,
    closeOut: CloseOut.optional(),
    notes: optionalText('Notes'),
  }),
);
export type Thread = z.infer<typeof Thread>;
