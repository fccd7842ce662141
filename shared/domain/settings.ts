// Runs everywhere. The rep's preferences. Every field has a default so an older file gains new settings safely.
import { z } from 'zod';
import { CalendarSource } from './calendar';

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

export const Settings = z.object({
  hotkeys: z.partialRecord(HotkeyAction, z.string().max(60)).default({}),
  prompts: z
    .object({
      /** Minutes before the scheduled end at which to prompt "ask for the next meeting". */
      askNextMinutesBefore: z.number().int().min(1).max(60).default(5),
      /** Fraction of the meeting at which to prompt a re-confirmation of the purpose. */
      reconfirmAtFraction: z.number().min(0.1).max(0.9).default(0.5),
      /** How long "snooze" quiets a prompt. */
      snoozeMinutes: z.number().int().min(1).max(30).default(2),
      /** Minutes past the end after which the wrap-up opens even if the call was never ended. */
      hardLimitMinutes: z.number().int().min(5).max(480).default(60),
    })
    .prefault({}),
  nextStep: z.object({ maxDaysOut: z.number().int().min(1).max(365).default(14) }).prefault({}),
  endOfDay: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a time like 17:30.').default('17:30'),
  ownDomains: z.array(z.string().trim().toLowerCase().min(1).max(200)).max(50).default([]),
  gateInternalMeetings: z.boolean().default(false),
  startAtLogin: z.boolean().default(false),
  /** ICS files and feeds whose events become planned meetings (see calendar.ts). */
  calendars: z.array(CalendarSource).max(20, 'Keep it to at most 20 calendars.').default([]),
  overlay: z
    .object({
      opacity: z.number().min(0.3).max(1).default(0.95),
      clickThrough: z.boolean().default(false),
      contentProtection: z.boolean().default(true),
      compact: z.boolean().default(false),
    })
    .prefault({}),
});
export type Settings = z.infer<typeof Settings>;

export const defaultSettings = (): Settings => Settings.parse({});
