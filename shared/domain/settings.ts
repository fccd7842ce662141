// Runs everywhere. The rep's preferences. Every field has a default so an older file gains new settings safely.
import { z } from 'zod';
import { CalendarSource } from './calendar';
import { builtOnFirstUse } from './primitives';

/** Built at import, unlike the other schemas here (see builtOnFirstUse): it keys the hotkey records, and zod reads a
 * record key's values while parsing; through z.lazy it would not see them and would word an unknown action differently. */
export const HotkeyAction = z.enum([
  /** Answers "yes / agreed / done" to whatever prompt the overlay shows. */
  'answerYes',
  /** Snoozes whatever prompt the overlay shows. */
  'snoozePrompt',
  'toggleOverlay',
  'confirmPurpose',
  'reconfirmPurpose',
  'nextAgendaItem',
  'toggleClickThrough',
  'endCall',
  'startNextMeeting',
  'openReview',
]);
export type HotkeyAction = z.infer<typeof HotkeyAction>;

export const PromptSettings = builtOnFirstUse(() =>
  z.object({
    /** Minutes before the scheduled end at which to prompt "ask for the next meeting". */
    askNextMinutesBefore: z.number().int().min(1, 'At least 1 minute.').max(60, 'At most 60 minutes.').default(5),
    /** Fraction of the meeting at which to prompt a re-confirmation of the purpose. */
    reconfirmAtFraction: z.number().min(0.1, 'At least 10% into the call.').max(0.9, 'At most 90% into the call.').default(0.5),
    /** How long "snooze" quiets a prompt. */
    snoozeMinutes: z.number().int().min(1, 'At least 1 minute.').max(30, 'At most 30 minutes.').default(2),
    /** Minutes past the end after which the wrap-up opens even if the call was never ended. */
    hardLimitMinutes: z.number().int().min(5, 'At least 5 minutes.').max(480, 'At most 8 hours.').default(60),
  }),
);

export const NextStepSettings = builtOnFirstUse(() =>
  z.object({
    /** Steps further out than this get the coach's "interest cools" warning. */
    maxDaysOut: z.number().int().min(1, 'At least 1 day.').max(365, 'At most a year.').default(14),
  }),
);

/** One item of a stage's default agenda. (Schema version 1 held plain strings: store/migrations.ts lifts them.) */
export const StageTemplateItem = builtOnFirstUse(() =>
  z.object({
    text: z.string().trim().min(1).max(300),
    minutes: z.number().int().min(1).max(480).optional(),
  }),
);
export type StageTemplateItem = z.infer<typeof StageTemplateItem>;

const Rect = builtOnFirstUse(() =>
  z.object({ x: z.number().finite(), y: z.number().finite(), width: z.number().min(1), height: z.number().min(1) }),
);

export const OverlaySettings = builtOnFirstUse(() =>
  z.object({
    opacity: z.number().min(0.3, 'At least 30% so it stays readable.').max(1).default(0.95),
    clickThrough: z.boolean().default(false),
    contentProtection: z.boolean().default(true),
    compact: z.boolean().default(false),
    /** Where the rep last put the overlay, per display id (see shared/rules/overlay-placement.ts). */
    boundsByDisplay: z.record(z.string().max(64), Rect).default({}),
    lastDisplay: z.string().max(64).optional(),
  }),
);

/** An email domain of the rep's own company ("acme.com"; a leading "@" is dropped). */
export const OwnDomain = builtOnFirstUse(() =>
  z
    .string()
    .trim()
    .toLowerCase()
    .transform((d) => d.replace(/^@/, ''))
    .pipe(z.string().regex(/^(?=.{3,200}$)[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}$/, 'Use an email domain like acme.com.')),
);

export const Settings = builtOnFirstUse(() =>
  z.object({
    hotkeys: z.partialRecord(HotkeyAction, z.string().max(60)).default({}),
    prompts: PromptSettings.prefault({}),
    nextStep: NextStepSettings.prefault({}),
    endOfDay: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a time like 17:30.').default('17:30'),
    // Lenient on read (a stricter rule must never turn an older file "corrupt"); the settings patch checks OwnDomain.
    ownDomains: z.array(z.string().trim().toLowerCase().min(1).max(200)).max(50).default([]),
    gateInternalMeetings: z.boolean().default(false),
    startAtLogin: z.boolean().default(false),
    /** ICS files and feeds whose events become planned meetings (see calendar.ts). */
    calendars: z.array(CalendarSource).max(20, 'Keep it to at most 20 calendars.').default([]),
    overlay: OverlaySettings.prefault({}),
    /** Where the review and wrap-up windows were last, to reopen them there. */
    windowBounds: z.partialRecord(z.enum(['review', 'wrapup']), Rect).default({}),
    /** The rep's own default agenda per stage (see shared/rules/stage-templates.ts); a stage left out = ours. */
    stageTemplates: z.record(z.string().trim().min(1).max(80), z.array(StageTemplateItem).max(20)).default({}),
  }),
);
export type Settings = z.infer<typeof Settings>;

export const defaultSettings = (): Settings => Settings.parse({});
