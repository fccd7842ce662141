// fast-check generators for the domain, shared by the rule, contract and store tests.
import fc from 'fast-check';
import {
  MEETING_KINDS,
  SCHEMA_VERSION,
  Settings,
  TASK_KINDS,
  type Meeting,
  type MeetingStatus,
  type NextStep,
  type StoreDocument,
  type Thread,
} from '../../shared/domain';

const MIN = Date.UTC(2020, 0, 1);
const MAX = Date.UTC(2035, 0, 1);
export const isoInstant = () => fc.integer({ min: MIN, max: MAX }).map((ms) => new Date(ms).toISOString());
export const text = (max = 60) => fc.string({ minLength: 1, maxLength: max }).filter((s) => s.trim().length > 0 && s.trim() === s);
/** Text up to `max` characters that reaches `max` (or one or two short of it) one time in four: the length where
 * text the app builds around the rep's (a title "Call with <account>") would overflow its own limit. */
export const textUpTo = (max: number) =>
  fc.oneof(
    { weight: 3, arbitrary: text(Math.min(max, 60)) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(text(Math.min(max, 20)), fc.integer({ min: Math.max(1, max - 2), max }))
        .map(([start, length]) => (start.length >= length ? start : start + 'x'.repeat(length - start.length))),
    },
  );
export const statuses: MeetingStatus[] = ['planned', 'live', 'wrapping-up', 'done', 'cancelled', 'no-show'];

export const thread = (id: string): fc.Arbitrary<Thread> =>
  fc.record({
    id: fc.constant(id),
    title: text(),
    account: text(),
    contacts: fc.array(text(), { maxLength: 3 }),
    status: fc.constant('open' as const),
    createdAt: isoInstant(),
    notes: fc.constant(''),
  });

export const meeting = (id: string, threadId: string): fc.Arbitrary<Meeting> =>
  fc
    .record({
      start: fc.integer({ min: MIN, max: MAX }),
      minutes: fc.integer({ min: 5, max: 180 }),
      status: fc.constantFrom(...statuses),
      internal: fc.boolean(),
      title: text(),
      purpose: fc.oneof(fc.constant(''), text(200)),
    })
    .map(({ start, minutes, status, internal, title, purpose }) => ({
      id,
      threadId,
      title,
      start: new Date(start).toISOString(),
      end: new Date(start + minutes * 60_000).toISOString(),
      stage: 'First meeting',
      purpose,
      idealOutcome: '',
      whyUs: '',
      agenda: [],
      attendees: [],
      internal,
      source: { kind: 'manual' as const },
      status,
      confirmations: [],
      promptAnswers: [],
      nextStepJot: '',
      notes: '',
      bring: '',
    }));

export const nextStep = (id: string, threadId: string, fromMeetingId: string): fc.Arbitrary<NextStep> =>
  fc.record({
    id: fc.constant(id),
    threadId: fc.constant(threadId),
    fromMeetingId: fc.constant(fromMeetingId),
    kind: fc.constantFrom(...MEETING_KINDS, ...TASK_KINDS),
    what: text(),
    when: isoInstant(),
    durationMinutes: fc.integer({ min: 5, max: 600 }),
    owner: fc.constantFrom('me' as const, 'prospect' as const, 'both' as const),
    purpose: text(),
    bring: fc.constant(''),
    agreed: fc.boolean(),
    status: fc.constant('open' as const),
    createdAt: isoInstant(),
    history: fc.constant([]),
  });

/** A small but varied store document: a few threads, meetings in every status, some next steps. */
export const storeDocument = (): fc.Arbitrary<StoreDocument> =>
  fc
    .record({ threads: fc.integer({ min: 1, max: 3 }), meetings: fc.integer({ min: 0, max: 8 }) })
    .chain(({ threads, meetings }) => {
      const threadIds = Array.from({ length: threads }, (_, i) => `t${i}`);
      return fc.record({
        threads: fc.tuple(...threadIds.map((id) => thread(id))),
        meetings: fc.tuple(
          ...Array.from({ length: meetings }, (_, i) => fc.constantFrom(...threadIds).chain((t) => meeting(`m${i}`, t))),
        ),
        stepsFrom: fc.subarray(Array.from({ length: meetings }, (_, i) => i)),
      });
    })
    .chain(({ threads, meetings, stepsFrom }) =>
      fc
        .tuple(...stepsFrom.map((i) => nextStep(`s${i}`, meetings[i]!.threadId, meetings[i]!.id)))
        .map((steps) => ({
          schemaVersion: SCHEMA_VERSION,
          threads: [...threads],
          meetings: [...meetings],
          nextSteps: [...steps],
          settings: Settings.parse({}),
          drafts: [],
        })),
    );
