// Runs everywhere. THE IPC contract: every method (its input schema and result type) and every event, in one place.
// The main-process handlers, the preload bridge, the preview bridge and the renderer's `api` are all derived from it:
// adding a method here without a handler in core is a compile error (see `Handlers`).
//
// The method and event NAMES live in ./bridge.ts (zod-free, so the preload and the pages stay small); this file
// must define exactly those methods (checked below).
//
// Recipe for a new method: add its name to METHOD_NAMES in ./bridge.ts and its zod input below (as a function that builds
// it, `method<R>()(() => z.strictObject({…}))`, so start-up does not build it); implement it in a service under
// electron/main/core/services/ and list it in that service's handlers; use it from the renderer as `api.<name>()`.
import { z } from 'zod';
import {
  calendarPath,
  calendarUrl,
  CalendarDay,
  CloseOutResult,
  DraftValues,
  HotkeyAction,
  Id,
  instant,
  leftOut,
  MEETING_LIMITS,
  NextStepKind,
  NextStepSettings,
  optionalText,
  Outcome,
  OverlaySettings,
  Owner,
  OwnDomain,
  PromptSettings,
  requiredText,
  type CalendarSource,
  type CalendarSyncResult,
  type Meeting,
  type NextStep,
  type Settings,
  type Thread,
} from './domain';
import type { MethodName } from './bridge';
import { isValidTimeZone } from './rules/local-days';
import { RESTORE_FILE_MAX_CHARS } from './rules/restore-changes';
import type { ReviewedMemory, ReviewModes, ReviewToday } from './rules/review-queries';
import './domain/plain-errors'; // plain sentences for any validation issue a schema does not word itself
import type { AppState, BackupView, DataFolderView, LiveView, RestorePreview, ReviewView, UnheldCall, WrapUpView } from './views';

export * from './bridge';

/** Builds a value on its first use and keeps it. Every schema below is built this way: zod's schema construction was
 * most of the main process's start-up, and a session calls few of these methods. Each is built whole on the first
 * call that needs it, so every payload is validated exactly as if it had been built at import. */
const once = <T>(build: () => T): (() => T) => {
  let built: T | undefined;
  return () => (built ??= build());
};

/** Declares a method: its input schema (a function building it, so it is built on the method's first call; a schema
 * given as is is built at import), its result type as a type argument. */
const method =
  <R>() =>
  <I extends z.ZodType>(input: I | (() => I)) => {
    const schema = typeof input === 'function' ? once(input as () => I) : () => input;
    return {
      get input(): I {
        return schema();
      },
      result: undefined as unknown as R,
    };
  };

const NoInput = once(() => z.strictObject({}).optional());
const ById = once(() => z.strictObject({ id: Id }));
/** The live call, by id — or whichever call is live when a hotkey (which knows no id) asks. */
const LiveCall = once(() => z.strictObject({ meetingId: Id.optional() }));

const AgendaInput = once(() =>
  z
    .array(
      z.strictObject({
        id: Id.optional(),
        text: requiredText('An agenda item', 300),
        done: z.boolean().optional(),
        minutes: z.number().int().min(1, 'Minutes must be at least 1.').max(480, 'Minutes must be at most 480.').optional(),
      }),
    )
    .max(50, 'Keep the agenda to at most 50 items.'),
);

const https = once(() =>
  z
    .string()
    .trim()
    .url('The join link is not a valid address.')
    .refine((u) => u.startsWith('https://'), 'The join link must start with https://.'),
);

const MeetingFields = once(() => ({
  title: requiredText('The meeting title', MEETING_LIMITS.title),
  start: instant('The start'),
  end: instant('The end'),
  stage: requiredText('The stage', 80).default('First meeting'),
  purpose: optionalText('The purpose', 500),
  idealOutcome: optionalText('The ideal outcome', 500),
  whyUs: optionalText('Why us', 1000),
  agenda: AgendaInput().default([]),
  attendees: z.array(z.string().trim().min(1).max(200)).max(200).default([]),
  joinUrl: https().optional(),
  internal: z.boolean().default(false),
}));

const endsAfterStart = (m: { start?: string; end?: string }) => !m.start || !m.end || m.end > m.start;
const endsAfterStartIssue = { message: 'The meeting must end after it starts.', path: ['end'] };

export const CreateMeetingInput = once(() =>
  z
    .strictObject({
      /** An existing deal thread, or… */
      threadId: Id.optional(),
      /** …the prospect's account, which starts a new thread. */
      account: z.string().trim().max(200, 'The account is too long (at most 200 characters).').optional(),
      ...MeetingFields(),
    })
    .refine(endsAfterStart, endsAfterStartIssue)
    .refine((m) => !!m.threadId || !!m.account, {
      message: 'Name the account (the prospect’s company) or pick a deal.',
      path: ['account'],
    }),
);

/** A field an update leaves out keeps its value. */
export const UpdateMeetingInput = once(() =>
  z.strictObject({ id: Id, ...leftOut(MeetingFields()) }).refine(endsAfterStart, endsAfterStartIssue),
);

export const ConfirmPurposeInput = once(() =>
  z
    .strictObject({
      meetingId: Id,
      kind: z.enum(['confirm', 'reconfirm']),
      result: z.enum(['agreed', 'adjusted'], { error: 'Say whether they agreed or you adjusted the purpose.' }),
      adjustedPurpose: z.string().trim().max(500, 'The adjusted purpose is too long (at most 500 characters).').optional(),
    })
    .refine((c) => c.result !== 'adjusted' || !!c.adjustedPurpose, {
      message: 'Write the purpose as you both agreed it.',
      path: ['adjustedPurpose'],
    }),
);

export const NextStepInput = once(() =>
  z.strictObject({
    meetingId: Id,
    kind: NextStepKind,
    what: requiredText('What happens next', 300),
    when: instant('The date and time of the next step'),
    durationMinutes: z.number().int().min(5, 'At least 5 minutes.').max(600, 'At most 10 hours.').default(30),
    owner: Owner,
    purpose: requiredText('The point of the next step', 500),
    bring: optionalText('What you will bring', 500),
    agreed: z.boolean({ error: 'Say whether the prospect agreed to it on the call.' }),
    outcome: Outcome.optional(),
    notes: optionalText('Notes', MEETING_LIMITS.notes),
  }),
);
export type NextStepInput = z.infer<ReturnType<typeof NextStepInput>>;

export const CloseOutInput = once(() =>
  z.strictObject({
    meetingId: Id,
    result: CloseOutResult,
    reason: requiredText('A reason', 1000).refine((s) => s.length >= 3, 'Say in a few words why the deal ended.'),
    outcome: Outcome.optional(),
    notes: optionalText('Notes', MEETING_LIMITS.notes),
  }),
);

/** A calendar by its .ics file on this computer, or by the web address of its feed (webcal:// is taken too). */
export const AddCalendarInput = once(() =>
  z
    .strictObject({
      label: z.string().trim().max(100, 'The calendar name is too long (at most 100 characters).').optional(),
      path: calendarPath.optional(),
      url: calendarUrl.optional(),
    })
    .refine((c) => !!c.path !== !!c.url, 'Give either the path of an .ics file or the web address of a calendar feed.'),
);

/** The rep's time zone as the window knows it ("Europe/Berlin"); the core's own zone when left out. */
const TimeZone = once(() =>
  z.string().trim().refine(isValidTimeZone, 'That time zone is not one this computer knows.').optional(),
);

export const RescheduleFollowUpInput = once(() =>
  z.strictObject({
    nextStepId: Id,
    when: instant('The new date and time'),
    reason: requiredText('A reason', 300).refine((s) => s.length >= 3, 'Say in a few words why it moved — it is kept with the step.'),
  }),
);

const StageTemplateInput = once(() =>
  z.strictObject({
    text: requiredText('An agenda item', 300),
    minutes: z.number().int().min(1, 'Minutes must be at least 1.').max(480, 'Minutes must be at most 480.').optional(),
  }),
);

/** The settings the rep edits (calendars have their own methods). Every field optional: what is left out stays. */
export const SettingsPatch = once(() =>
  z.strictObject({
    /** Per action: the rep's own combination, or null to follow our default again (also when the default changes). */
    hotkeys: z.partialRecord(HotkeyAction, z.string().trim().max(60, 'That key combination is too long.').nullable()).optional(),
    prompts: z.strictObject(leftOut(PromptSettings.unwrap().shape)).optional(),
    nextStep: z.strictObject(leftOut(NextStepSettings.unwrap().shape)).optional(),
    endOfDay: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a time like 17:30.').optional(),
    ownDomains: z.array(OwnDomain).max(50, 'Keep it to at most 50 domains.').optional(),
    gateInternalMeetings: z.boolean().optional(),
    startAtLogin: z.boolean().optional(),
    overlay: z.strictObject(leftOut(OverlaySettings.unwrap().omit({ boundsByDisplay: true, lastDisplay: true }).shape)).optional(),
    /** Per stage: its new default agenda, or null to go back to ours (see shared/rules/stage-templates.ts). */
    stageTemplates: z
      .record(requiredText('The stage', 80), z.array(StageTemplateInput()).max(20, 'Keep a template to at most 20 items.').nullable())
      .refine((t) => Object.keys(t).length <= 20, 'Change at most 20 stages at a time.')
      .optional(),
  }),
);

/** What to restore: a backup from the data folder's ring (by its file name), or the text of a JSON export the rep
 * picked. A backup id is only ever looked up among the ring's own files, never used as a path. */
export const RestoreSource = once(() =>
  z.union([
    z.strictObject({ backupId: z.string().regex(/^second-step\.[\w.-]+\.json$/, 'That is not a backup of Second Step.').max(120) }),
    z.strictObject({
      fileText: z.string().max(RESTORE_FILE_MAX_CHARS, 'That file is too big to be a Second Step data file (at most 20 MB).'),
      fileName: z.string().max(255).optional(),
    }),
  ]),
);

export const contract = {
  getState: method<AppState>()(NoInput),
  getReview: method<ReviewView>()(NoInput),
  createMeeting: method<Meeting>()(CreateMeetingInput),
  updateMeeting: method<Meeting>()(UpdateMeetingInput),
  startMeeting: method<Meeting>()(ById),
  /** The call due now (or within the hour) — what the "start next meeting" hotkey does. */
  startNextMeeting: method<Meeting>()(NoInput),
  /** A call that was never planned: it still gets a point before it starts. */
  startAdHocCall: method<Meeting>()(
    () =>
      z.strictObject({
        account: requiredText('Who the call is with', 200),
        purpose: requiredText('The purpose', 500),
        minutes: z.number().int().min(5, 'At least 5 minutes.').max(240, 'At most 4 hours.').default(30),
      }),
  ),
  getLive: method<LiveView | null>()(NoInput),
  confirmPurpose: method<Meeting>()(ConfirmPurposeInput),
  setAgendaItemDone: method<Meeting>()(() => z.strictObject({ meetingId: Id, itemId: Id, done: z.boolean() })),
  nextAgendaItem: method<Meeting>()(LiveCall),
  /** "Yes / agreed / done" or "snooze" for whatever prompt the overlay shows now (the hotkeys use this too). */
  answerPrompt: method<Meeting>()(() => z.strictObject({ meetingId: Id.optional(), answer: z.enum(['yes', 'snooze']) })),
  /** The rep's note at the "ask for the next meeting" prompt; it pre-fills the wrap-up. */
  jotNextStep: method<Meeting>()(
    () =>
      z.strictObject({ meetingId: Id.optional(), text: z.string().trim().max(300, 'Keep the note under 300 characters.') }),
  ),
  endCall: method<Meeting>()(() => z.strictObject({ meetingId: Id })),
  getWrapUp: method<WrapUpView | null>()(NoInput),
  logNextStep: method<{ step: NextStep; plannedMeeting: Meeting | null }>()(NextStepInput),
  closeOutThread: method<Thread>()(CloseOutInput),
  /** External calls whose end passed without being started: did they happen? */
  getUnheldCalls: method<UnheldCall[]>()(NoInput),
  reportUnheldCall: method<Meeting>()(
    () =>
      z
        .strictObject({
          meetingId: Id,
          happened: z.enum(['held', 'no-show', 'moved'], { error: 'Say whether the call happened, was a no-show, or moved.' }),
          start: instant('The new start').optional(),
          end: instant('The new end').optional(),
        })
        .refine(endsAfterStart, endsAfterStartIssue),
  ),
  /** An .ics invite for a logged next step ("Add to calendar"). */
  exportInvite: method<{ filename: string; ics: string }>()(() => z.strictObject({ nextStepId: Id })),
  saveWrapUpDraft: method<{ savedAt: string }>()(() => z.strictObject({ meetingId: Id, values: DraftValues })),
  /** The end-of-day review: today's calls, follow-ups, threads, tomorrow's prep and the metrics, all computed. */
  getReviewModes: method<ReviewModes>()(() => z.strictObject({ timeZone: TimeZone() }).optional()),
  /** Today alone, for the review's first paint (the other modes follow with getReviewModes). */
  getReviewToday: method<ReviewToday>()(() => z.strictObject({ timeZone: TimeZone() }).optional()),
  markFollowUp: method<NextStep>()(
    () =>
      z.strictObject({ nextStepId: Id, status: z.enum(['done', 'missed'], { error: 'Say whether the step was done or missed.' }) }),
  ),
  /** Moves a step to a new date; the old date and the reason stay in its history (a planned meeting moves with it). */
  rescheduleFollowUp: method<{ step: NextStep; plannedMeeting: Meeting | null }>()(RescheduleFollowUpInput),
  /** Remembers that the rep went through the review for `day` (their calendar day). */
  markReviewed: method<ReviewedMemory>()(() => z.strictObject({ day: CalendarDay, timeZone: TimeZone() })),
  acknowledgeNotice: method<AppState>()(NoInput),
  getSettings: method<Settings>()(NoInput),
  updateSettings: method<Settings>()(SettingsPatch),
  showWindow: method<null>()(() => z.strictObject({ window: z.enum(['overlay', 'wrapup', 'review']) })),
  /** The overlay took the keyboard only for typing; give it back to the call app (where the OS allows). */
  releaseFocus: method<null>()(NoInput),
  /** Calendars (issue 3): ICS files and feeds whose events become planned meetings; sync never loses prep. */
  listCalendars: method<CalendarSource[]>()(NoInput),
  addCalendar: method<{ calendar: CalendarSource; sync: CalendarSyncResult }>()(AddCalendarInput),
  /** Future planned meetings of the calendar that were never prepared are cancelled; prepared ones stay. */
  removeCalendar: method<{ removed: CalendarSource; cancelled: number }>()(ById),
  /** One calendar, or every enabled one. */
  syncCalendars: method<CalendarSyncResult[]>()(() => z.strictObject({ id: Id.optional() }).optional()),
  /** Quiets the overlay's prompts for a while (the tray's "Pause prompts for an hour"); `minutes: 0` resumes. */
  pausePrompts: method<{ pausedUntil: string | null }>()(
    () =>
      z.strictObject({
        minutes: z.number().int().min(0, 'At least 0 minutes.').max(24 * 60, 'At most a day (1440 minutes).'),
      }),
  ),
  /** Meetings and their next steps as CSV with CRM-import-friendly columns (see services/export-csv.ts). */
  exportCsv: method<{ filename: string; csv: string }>()(NoInput),
  /** Everything (the whole document) as a JSON file a restore can read back (see services/backups.ts). */
  exportJson: method<{ filename: string; json: string }>()(NoInput),
  /** The data folder's backups, newest first. */
  listBackups: method<BackupView[]>()(NoInput),
  /** What restoring `source` would change compared with now; changes nothing. A damaged source is refused. */
  previewRestore: method<RestorePreview>()(RestoreSource),
  /** Backs the current data up, then replaces it with `source` in one change. Refused while a wrap-up is owed. */
  restoreData: method<{ safetyBackup: BackupView; preview: RestorePreview }>()(RestoreSource),
  getDataFolder: method<DataFolderView>()(NoInput),
  /** Opens the data folder in the OS's file manager; `opened: false` where the host cannot (the browser preview). */
  revealDataFolder: method<{ opened: boolean }>()(NoInput),
} satisfies Record<MethodName, { input: z.ZodType; result: unknown }>;

export type Contract = typeof contract;
// Compile-time check: the contract defines no method that ./bridge.ts does not name.
export const contractIsExact: Exclude<keyof Contract, MethodName> extends never ? true : never = true;
export type MethodInput<K extends MethodName> = z.output<Contract[K]['input']>;
export type MethodRawInput<K extends MethodName> = z.input<Contract[K]['input']>;
export type MethodResult<K extends MethodName> = Contract[K]['result'];

/** Core side: one handler per method — a method without a handler does not compile. */
export type Handlers = { [K in MethodName]: (input: MethodInput<K>) => Promise<MethodResult<K>> };
