// Runs everywhere, and is zod-free on purpose: the wrap-up page coaches with these without loading any schema code.
/** Kinds that put the rep and the prospect together again; logging one plans the thread's next meeting. */
export const MEETING_KINDS = ['call', 'video-call', 'meeting', 'demo', 'presentation', 'workshop'] as const;
/** Kinds that are work, not a meeting: "send the proposal", "they send the NDA". */
export const TASK_KINDS = ['task'] as const;

export type NextStepKind = (typeof MEETING_KINDS)[number] | (typeof TASK_KINDS)[number];

export const isMeetingKind = (kind: NextStepKind): boolean => (MEETING_KINDS as readonly string[]).includes(kind);
