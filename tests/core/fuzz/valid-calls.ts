// Valid calls for every contract method, as fast-check generators (Node, used by the IPC fuzz). A payload that
// passes the schema can still be refused for the state it meets (start a call that is already live), so each valid
// call names the state it needs and is built from the ids of a world prepared for it: every call generated here
// must be ACCEPTED — a fuzz that refuses everything is a broken fuzz, not a safe app. A new contract method does
// not compile until it has an entry here.
import fc from 'fast-check';
import { z } from 'zod';
import { contract, type MethodName, type MethodRawInput } from '../../../shared/contract';
import { MEETING_KINDS, TASK_KINDS } from '../../../shared/domain';
import { iso, minutes, T0 } from '../../support/core-harness';
import { storeDocument, text, textUpTo } from '../../support/arbitraries';

/** What must exist for the call to be accepted: a planned meeting, the live call (a fresh one, with a due prompt,
 * or one whose purpose was confirmed), a call owing its wrap-up, a logged next step, or a call whose end passed
 * without being started. */
export type Need =
  | 'none'
  | 'planned'
  | 'live'
  | 'fresh-live'
  | 'confirmed-live'
  | 'owing'
  | 'logged-step'
  | 'unheld'
  /** no call in progress and no wrap-up owed (what a restore needs) */
  | 'quiet'
  /** a calendar exists (ids.calendarId) */
  | 'calendar'
  /** a fresh .ics file to add (ids.calendarFile), with room for one more calendar */
  | 'calendar-file';

export interface Ids {
  meetingId: string;
  threadId: string;
  agendaItemIds: string[];
  /** A logged next step (the world logs one for 'logged-step'; otherwise the newest there is, or a made-up id). */
  nextStepId: string;
  /** A calendar (the world adds one for 'calendar'; otherwise a made-up id). */
  calendarId: string;
  /** An .ics file that is not a calendar yet (made for 'calendar-file'). */
  calendarFile: string;
}

export interface ValidCall {
  need: Need;
  build(ids: Ids): unknown;
}

const call = <K extends MethodName>(need: Need, build: (ids: Ids) => MethodRawInput<K>): ValidCall => ({ need, build });
const none = <K extends MethodName>(payload: fc.Arbitrary<MethodRawInput<K>>) => payload.map((p) => call<K>('none', () => p));
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
/** Drops the keys whose value is undefined: an optional field is left out, not sent as undefined. */
const defined = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

/** Text for `field` of `method`'s payload, up to the limit the contract sets for it (read from its schema): valid
 * calls reach every limit, which is where text the core builds from them could overflow a stored field. */
function fieldText(method: MethodName, field: string): fc.Arbitrary<string> {
  let schema = (contract[method].input as z.ZodType as z.ZodObject).shape[field];
  while (schema instanceof z.ZodDefault || schema instanceof z.ZodOptional) schema = schema.unwrap() as z.ZodType;
  const max = schema instanceof z.ZodString ? schema.maxLength : null;
  if (max === null) throw new Error(`${method}.${field} has no length limit in the contract.`);
  return textUpTo(max);
}

const DAY = 24 * 60;
const meetingTimes = fc
  .record({ startIn: fc.integer({ min: -30 * DAY, max: 60 * DAY }), length: fc.integer({ min: 5, max: 240 }) })
  .map(({ startIn, length }) => ({ start: iso(T0 + minutes(startIn)), end: iso(T0 + minutes(startIn + length)) }));
const agenda = fc.array(
  fc.record({ text: text(60), done: maybe(fc.boolean()), minutes: maybe(fc.integer({ min: 1, max: 480 })) }).map(defined),
  { maxLength: 5 },
);
const joinUrl = fc.stringMatching(/^[a-z0-9]{1,12}$/).map((room) => `https://meet.example.com/${room}`);
const reason = (method: 'closeOutThread' | 'rescheduleFollowUp') => fieldText(method, 'reason').filter((s) => s.length >= 3);

const optionalMeetingFields = {
  stage: maybe(fieldText('createMeeting', 'stage')),
  purpose: maybe(fieldText('createMeeting', 'purpose')),
  idealOutcome: maybe(fieldText('createMeeting', 'idealOutcome')),
  whyUs: maybe(fieldText('createMeeting', 'whyUs')),
  agenda: maybe(agenda),
  attendees: maybe(fc.array(text(40), { maxLength: 4 })),
  joinUrl: maybe(joinUrl),
  internal: maybe(fc.boolean()),
};

const nextStep = fc.record({
  kind: fc.constantFrom(...MEETING_KINDS, ...TASK_KINDS),
  what: fieldText('logNextStep', 'what'),
  // The core checks the step is in the future of its (frozen) clock.
  when: fc.integer({ min: 60, max: 30 * DAY }).map((m) => iso(T0 + minutes(m))),
  durationMinutes: maybe(fc.integer({ min: 5, max: 600 })),
  owner: fc.constantFrom('me' as const, 'prospect' as const, 'both' as const),
  purpose: fieldText('logNextStep', 'purpose'),
  bring: maybe(fieldText('logNextStep', 'bring')),
  agreed: fc.boolean(),
  outcome: maybe(fc.constantFrom('achieved' as const, 'partly' as const, 'missed' as const)),
  notes: maybe(fieldText('logNextStep', 'notes')),
});

const draftValues = fc.dictionary(
  fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,15}$/),
  fc.oneof(fc.string({ maxLength: 200 }), fc.boolean(), fc.double({ noNaN: true, noDefaultInfinity: true })),
  { maxKeys: 10 },
);

/** A JSON export a restore accepts: any document, as long as it owes no wrap-up and has no live call (a restored
 * world like that would rightly refuse the next restore). */
const restorableFile = storeDocument().map((doc) => ({
  fileText: JSON.stringify({ ...doc, meetings: doc.meetings.map((m) => ({ ...m, status: m.status === 'live' || m.status === 'wrapping-up' || m.status === 'no-show' ? ('done' as const) : m.status })) }),
}));

export const validCalls: Record<MethodName, fc.Arbitrary<ValidCall>> = {
  getState: none<'getState'>(fc.constantFrom(undefined, {})),
  getReview: none<'getReview'>(fc.constantFrom(undefined, {})),
  getLive: none<'getLive'>(fc.constantFrom(undefined, {})),
  getWrapUp: none<'getWrapUp'>(fc.constantFrom(undefined, {})),
  getUnheldCalls: none<'getUnheldCalls'>(fc.constantFrom(undefined, {})),
  acknowledgeNotice: none<'acknowledgeNotice'>(fc.constantFrom(undefined, {})),
  releaseFocus: none<'releaseFocus'>(fc.constantFrom(undefined, {})),
  getSettings: none<'getSettings'>(fc.constantFrom(undefined, {})),
  exportCsv: none<'exportCsv'>(fc.constantFrom(undefined, {})),
  exportJson: none<'exportJson'>(fc.constantFrom(undefined, {})),
  listBackups: none<'listBackups'>(fc.constantFrom(undefined, {})),
  getDataFolder: none<'getDataFolder'>(fc.constantFrom(undefined, {})),
  revealDataFolder: none<'revealDataFolder'>(fc.constantFrom(undefined, {})),
  previewRestore: none<'previewRestore'>(restorableFile),
  restoreData: restorableFile.map((file) => call<'restoreData'>('quiet', () => file)),
  pausePrompts: none<'pausePrompts'>(fc.integer({ min: 0, max: 24 * 60 }).map((minutes) => ({ minutes }))),
  updateSettings: fc
    .record(
      {
        ownDomains: fc.subarray(['acme.com', '@ours.io', 'Sales.Example.org']),
        gateInternalMeetings: fc.boolean(),
        endOfDay: fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`),
        prompts: fc.record({ askNextMinutesBefore: fc.integer({ min: 1, max: 60 }), snoozeMinutes: fc.integer({ min: 1, max: 30 }) }, { requiredKeys: [] }),
        overlay: fc.record({ opacity: fc.double({ min: 0.3, max: 1, noNaN: true }), compact: fc.boolean() }, { requiredKeys: [] }),
        stageTemplates: fc.dictionary(
          fc.constantFrom('Demo', 'first meeting', 'Pilot review'),
          fc.option(fc.array(fc.record({ text: text(60), minutes: fc.integer({ min: 1, max: 480 }) }, { requiredKeys: ['text'] }), { maxLength: 5 })),
          { maxKeys: 3 },
        ),
      },
      { requiredKeys: [] },
    )
    .map((patch) => call<'updateSettings'>('none', () => patch)),
  showWindow: none<'showWindow'>(fc.record({ window: fc.constantFrom('overlay' as const, 'wrapup' as const, 'review' as const) })),

  createMeeting: fc
    .tuple(fc.record({ title: fieldText('createMeeting', 'title'), ...optionalMeetingFields }), meetingTimes, fieldText('createMeeting', 'account'), fc.boolean())
    .map(([fields, times, account, sameDeal]) =>
      call<'createMeeting'>('none', (ids) => defined({ ...fields, ...times, ...(sameDeal ? { threadId: ids.threadId } : { account }) })),
    ),
  updateMeeting: fc
    .tuple(fc.record({ title: maybe(fieldText('updateMeeting', 'title')), ...optionalMeetingFields }), maybe(meetingTimes))
    .map(([fields, times]) => call<'updateMeeting'>('planned', (ids) => defined({ id: ids.meetingId, ...fields, ...times }))),
  startMeeting: fc.constant(call<'startMeeting'>('planned', (ids) => ({ id: ids.meetingId }))),
  // The world's planned meetings start an hour after the core's clock: due "within the hour".
  startAdHocCall: fc
    .record({ account: fieldText('startAdHocCall', 'account'), purpose: fieldText('startAdHocCall', 'purpose'), minutes: maybe(fc.integer({ min: 5, max: 240 })) })
    .map((input) => call<'startAdHocCall'>('none', () => defined(input))),
  startNextMeeting: fc.constantFrom(undefined, {}).map((payload) => call<'startNextMeeting'>('planned', () => payload)),

  confirmPurpose: fc
    .record({ kind: fc.constantFrom('confirm' as const, 'reconfirm' as const), adjusted: maybe(fieldText('confirmPurpose', 'adjustedPurpose')) })
    .map(({ kind, adjusted }) =>
      call<'confirmPurpose'>(kind === 'reconfirm' ? 'confirmed-live' : 'live', (ids) =>
        adjusted
          ? { meetingId: ids.meetingId, kind, result: 'adjusted', adjustedPurpose: adjusted }
          : { meetingId: ids.meetingId, kind, result: 'agreed' },
      ),
    ),
  setAgendaItemDone: fc
    .record({ index: fc.nat(), done: fc.boolean() })
    .map(({ index, done }) =>
      call<'setAgendaItemDone'>('live', (ids) => ({
        meetingId: ids.meetingId,
        itemId: ids.agendaItemIds[index % ids.agendaItemIds.length]!,
        done,
      })),
    ),
  nextAgendaItem: fc.boolean().map((byId) => call<'nextAgendaItem'>('live', (ids) => (byId ? { meetingId: ids.meetingId } : {}))),
  answerPrompt: fc
    .record({ answer: fc.constantFrom('yes' as const, 'snooze' as const), byId: fc.boolean() })
    .map(({ answer, byId }) =>
      call<'answerPrompt'>('fresh-live', (ids) => (byId ? { meetingId: ids.meetingId, answer } : { answer })),
    ),
  jotNextStep: fc
    .record({ note: fc.oneof(fc.constant(''), fieldText('jotNextStep', 'text')), byId: fc.boolean() })
    .map(({ note, byId }) => call<'jotNextStep'>('live', (ids) => (byId ? { meetingId: ids.meetingId, text: note } : { text: note }))),
  endCall: fc.constant(call<'endCall'>('live', (ids) => ({ meetingId: ids.meetingId }))),

  saveWrapUpDraft: draftValues.map((values) => call<'saveWrapUpDraft'>('owing', (ids) => ({ meetingId: ids.meetingId, values }))),
  logNextStep: nextStep.map((step) => call<'logNextStep'>('owing', (ids) => defined({ meetingId: ids.meetingId, ...step }))),
  closeOutThread: fc
    .record({
      result: fc.constantFrom('won' as const, 'lost' as const, 'not-a-fit' as const),
      reason: reason('closeOutThread'),
      outcome: maybe(fc.constantFrom('achieved' as const, 'partly' as const, 'missed' as const)),
      notes: maybe(fieldText('closeOutThread', 'notes')),
    })
    .map((fields) => call<'closeOutThread'>('owing', (ids) => defined({ meetingId: ids.meetingId, ...fields }))),
  getReviewModes: none<'getReviewModes'>(fc.constantFrom(undefined, {}, { timeZone: 'Europe/Berlin' }, { timeZone: 'UTC' })),
  getReviewToday: none<'getReviewToday'>(fc.constantFrom(undefined, {}, { timeZone: 'Europe/Berlin' }, { timeZone: 'UTC' })),
  // The world's clock is frozen on 23 November 2026, 09:00 UTC: today or an earlier day may be marked.
  markReviewed: none<'markReviewed'>(fc.constantFrom('2026-11-20', '2026-11-23').map((day) => ({ day, timeZone: 'UTC' }))),
  markFollowUp: fc
    .constantFrom('done' as const, 'missed' as const)
    .map((status) => call<'markFollowUp'>('logged-step', (ids) => ({ nextStepId: ids.nextStepId, status }))),
  rescheduleFollowUp: fc
    .record({ when: fc.integer({ min: 2 * DAY, max: 20 * DAY }).map((m) => iso(T0 + minutes(m))), reason: reason('rescheduleFollowUp') })
    .map((fields) => call<'rescheduleFollowUp'>('logged-step', (ids) => ({ nextStepId: ids.nextStepId, ...fields }))),
  exportInvite: fc.constant(call<'exportInvite'>('logged-step', (ids) => ({ nextStepId: ids.nextStepId }))),
  reportUnheldCall: fc
    .oneof(
      fc.constantFrom('held' as const, 'no-show' as const).map((happened) => ({ happened })),
      meetingTimes
        .filter(({ start }) => Date.parse(start) > T0)
        .map((times) => ({ happened: 'moved' as const, ...times })),
    )
    .map((answer) => call<'reportUnheldCall'>('unheld', (ids) => ({ meetingId: ids.meetingId, ...answer }))),

  // Calendars are files in the test's folder: a fuzzed web address must never reach the network.
  listCalendars: none<'listCalendars'>(fc.constantFrom(undefined, {})),
  addCalendar: maybe(fieldText('addCalendar', 'label')).map((label) => call<'addCalendar'>('calendar-file', (ids) => defined({ label, path: ids.calendarFile }))),
  removeCalendar: fc.constant(call<'removeCalendar'>('calendar', (ids) => ({ id: ids.calendarId }))),
  syncCalendars: fc.boolean().map((one) => call<'syncCalendars'>('calendar', (ids) => (one ? { id: ids.calendarId } : {}))),
};
