// fast-check generators for the review's query rules: consistent histories of deals around a "now" that often sits
// on a day boundary or a DST change, seen from time zones that make day arithmetic hard — DST in both hemispheres,
// half- and quarter-hour offsets, a 30-minute DST shift, a zone that skips midnight. Plus an oracle for "which day is
// this instant in that zone" that asks Intl afresh every time (no cache), for the rules to be checked against.
import fc from 'fast-check';
import {
  MEETING_KINDS,
  SCHEMA_VERSION,
  Settings,
  TASK_KINDS,
  type Meeting,
  type MeetingStatus,
  type NextStep,
  type NextStepChange,
  type StoreDocument,
  type Thread,
} from '../../shared/domain';

export const ZONES = [
  'UTC',
  'Europe/Berlin', // DST, northern hemisphere, changes at 01:00 UTC
  'America/New_York', // DST at 02:00 local
  'America/Santiago', // DST, southern hemisphere, changes at midnight (the day starts at 01:00)
  'Australia/Lord_Howe', // a 30-minute DST shift
  'Asia/Kathmandu', // +05:45
  'Asia/Kolkata', // +05:30, no DST
  'Pacific/Chatham', // +12:45 / +13:45
  'America/St_Johns', // -03:30 / -02:30
  'Pacific/Kiritimati', // +14
] as const;

/** DST changes (UTC instants) to put "now" next to. */
const TRANSITIONS = [
  '2026-03-29T01:00:00Z', // Berlin springs forward
  '2026-10-25T01:00:00Z', // Berlin falls back
  '2026-03-08T07:00:00Z', // New York springs forward
  '2026-11-01T06:00:00Z', // New York falls back
  '2026-04-05T03:00:00Z', // Santiago falls back (midnight)
  '2026-09-06T04:00:00Z', // Santiago springs forward (midnight)
  '2026-04-04T15:00:00Z', // Lord Howe, 30 minutes
  '2026-10-03T15:30:00Z',
].map((iso) => Date.parse(iso));

const MINUTE = 60_000;
const DAY = 86_400_000;

/** A "now": next to a DST change, next to a UTC midnight, or anywhere in 2025–2027. */
export const nowArb = (): fc.Arbitrary<number> =>
  fc.oneof(
    fc.tuple(fc.constantFrom(...TRANSITIONS), fc.integer({ min: -36 * 60, max: 36 * 60 })).map(([t, m]) => t + m * MINUTE),
    fc.tuple(fc.integer({ min: 0, max: 3 * 365 }), fc.integer({ min: -90, max: 90 })).map(([d, m]) => Date.UTC(2025, 0, 1) + d * DAY + m * MINUTE),
    fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2027, 11, 31) }),
  );

/** The calendar day of an instant in a zone, straight from Intl (the oracle the rules are checked against). */
export function oracleDay(ms: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(ms);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** Whole days between two `YYYY-MM-DD` days, by plain UTC date arithmetic. */
export const oracleDaysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY);

const iso = (ms: number) => new Date(ms).toISOString();
const STATUSES: MeetingStatus[] = ['planned', 'live', 'wrapping-up', 'done', 'cancelled', 'no-show'];

/** Minutes from now, weighted to today, yesterday and tomorrow (where the day boundaries bite). */
const offsetMinutes = () =>
  fc.oneof(fc.integer({ min: -2 * 24 * 60, max: 2 * 24 * 60 }), fc.integer({ min: -40 * 24 * 60, max: 40 * 24 * 60 }));

interface MeetingPlan {
  at: number;
  minutes: number;
  status: MeetingStatus;
  internal: boolean;
  purpose: boolean;
  agenda: number;
  confirm: boolean;
  reconfirm: boolean;
  step: StepPlan | null;
}

interface StepPlan {
  whenOffset: number;
  kind: NextStep['kind'];
  agreed: boolean;
  /** The story after the call: moved (offset in minutes), then maybe done or missed; `legacy` drops the record. */
  moves: number[];
  end: 'open' | 'done' | 'missed';
  legacy: boolean;
  plansMeeting: boolean;
  plannedStatus: MeetingStatus;
}

const stepPlan = (): fc.Arbitrary<StepPlan> =>
  fc.record({
    whenOffset: fc.oneof(fc.integer({ min: 10, max: 2 * 24 * 60 }), fc.integer({ min: 10, max: 20 * 24 * 60 })),
    kind: fc.constantFrom(...MEETING_KINDS, ...TASK_KINDS),
    agreed: fc.boolean(),
    moves: fc.array(fc.integer({ min: -3 * 24 * 60, max: 10 * 24 * 60 }), { maxLength: 3 }),
    end: fc.constantFrom('open' as const, 'open' as const, 'done' as const, 'missed' as const),
    legacy: fc.boolean(),
    plansMeeting: fc.boolean(),
    plannedStatus: fc.constantFrom(...STATUSES),
  });

const meetingPlan = (): fc.Arbitrary<MeetingPlan> =>
  fc.record({
    at: offsetMinutes(),
    minutes: fc.integer({ min: 15, max: 120 }),
    status: fc.constantFrom(...STATUSES),
    internal: fc.boolean(),
    purpose: fc.boolean(),
    agenda: fc.integer({ min: 0, max: 3 }),
    confirm: fc.boolean(),
    reconfirm: fc.boolean(),
    step: fc.option(stepPlan(), { freq: 2 }),
  });

export interface ReviewWorld {
  doc: StoreDocument;
  now: number;
  timeZone: string;
}

type MeetingShape = Pick<MeetingPlan, 'minutes' | 'status' | 'internal' | 'purpose' | 'agenda' | 'confirm' | 'reconfirm'>;

function buildMeeting(id: string, threadId: string, plan: MeetingShape, start: number): Meeting {
  const end = start + plan.minutes * MINUTE;
  const held = plan.status === 'live' || plan.status === 'wrapping-up' || plan.status === 'done';
  return {
    id,
    threadId,
    title: `Meeting ${id}`,
    start: iso(start),
    end: iso(end),
    stage: 'Follow-up',
    purpose: plan.purpose ? 'Agree the pilot scope' : '',
    idealOutcome: '',
    whyUs: '',
    agenda: Array.from({ length: plan.agenda }, (_, i) => ({ id: `${id}-a${i}`, text: `Item ${i + 1}`, done: false })),
    attendees: [],
    internal: plan.internal,
    source: { kind: 'manual' },
    status: plan.status,
    ...(held ? { startedAt: iso(start), endedAt: iso(end) } : {}),
    confirmations: [
      ...(held && plan.confirm ? [{ kind: 'confirm' as const, at: iso(start + MINUTE), result: 'agreed' as const }] : []),
      ...(held && plan.reconfirm ? [{ kind: 'reconfirm' as const, at: iso(start + 2 * MINUTE), result: 'agreed' as const }] : []),
    ],
    promptAnswers: [],
    nextStepJot: '',
    notes: '',
    bring: '',
  };
}

/** A history consistent in time: logged at the call's end, changes after that and never after now. */
function buildStep(id: string, meeting: Meeting, plan: StepPlan, now: number, plannedMeetingId: string | undefined): NextStep {
  const created = Math.min(Date.parse(meeting.end), now);
  let when = created + plan.whenOffset * MINUTE;
  const history: NextStepChange[] = [];
  let at = created;
  for (const move of plan.moves) {
    at = Math.min(now, at + 6 * 3_600_000);
    const to = Math.max(at + MINUTE, when + move * MINUTE);
    history.push({ action: 'rescheduled', at: iso(at), from: iso(when), to: iso(to), reason: 'They asked to move it' });
    when = to;
  }
  if (plan.end !== 'open' && !plan.legacy) history.push({ action: plan.end, at: iso(Math.min(now, at + 3_600_000)) });
  return {
    id,
    threadId: meeting.threadId,
    fromMeetingId: meeting.id,
    kind: plan.kind,
    what: `Step ${id}`,
    when: iso(when),
    durationMinutes: 30,
    owner: 'both',
    purpose: 'Show the pilot plan',
    bring: '',
    agreed: plan.agreed,
    status: plan.end,
    createdAt: iso(created),
    ...(plannedMeetingId ? { plannedMeetingId } : {}),
    history,
  };
}

/** A few deals, each a handful of calls in every status, with steps (some moved, done, missed, some planning a
 * meeting), some deals closed — around a `now` in a zone. */
export const reviewWorld = (): fc.Arbitrary<ReviewWorld> =>
  fc
    .record({
      now: nowArb(),
      timeZone: fc.constantFrom(...ZONES),
      deals: fc.array(
        fc.record({
          createdDaysAgo: fc.integer({ min: 0, max: 60 }),
          meetings: fc.array(meetingPlan(), { maxLength: 5 }),
          close: fc.option(fc.record({ result: fc.constantFrom('won' as const, 'lost' as const, 'not-a-fit' as const), minutesAgo: fc.integer({ min: 0, max: 30 * 24 * 60 }) }), { freq: 3 }),
        }),
        { minLength: 1, maxLength: 6 },
      ),
      gateInternal: fc.boolean(),
    })
    .map(({ now, timeZone, deals, gateInternal }) => {
      const threads: Thread[] = [];
      const meetings: Meeting[] = [];
      const nextSteps: NextStep[] = [];
      deals.forEach((deal, d) => {
        const threadId = `t${d}`;
        const thread: Thread = { id: threadId, title: `Deal ${d}`, account: `Account ${d}`, contacts: [], status: 'open', createdAt: iso(now - deal.createdDaysAgo * DAY - DAY * 41), notes: '' };
        if (deal.close) {
          thread.status = deal.close.result;
          thread.closeOut = { result: deal.close.result, reason: 'Chose another supplier', at: iso(now - deal.close.minutesAgo * MINUTE) };
        }
        threads.push(thread);
        deal.meetings.forEach((plan, m) => {
          const meeting = buildMeeting(`m${d}-${m}`, threadId, plan, now + plan.at * MINUTE);
          meetings.push(meeting);
          if (!plan.step) return;
          const stepId = `s${d}-${m}`;
          const plannedId = plan.step.plansMeeting ? `p${d}-${m}` : undefined;
          const step = buildStep(stepId, meeting, plan.step, now, plannedId);
          nextSteps.push(step);
          if (plannedId) {
            const planned = buildMeeting(plannedId, threadId, { ...plan, status: plan.step.plannedStatus }, Date.parse(step.when));
            planned.source = { kind: 'next-step', nextStepId: stepId };
            meetings.push(planned);
          }
        });
      });
      const doc: StoreDocument = {
        schemaVersion: SCHEMA_VERSION,
        threads,
        meetings,
        nextSteps,
        settings: { ...Settings.parse({}), gateInternalMeetings: gateInternal },
        drafts: [],
      };
      return { doc, now, timeZone };
    });
