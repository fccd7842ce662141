// A small day of one rep for the review window's tests, run through the real review rules (so the window gets
// exactly what the core would send): today a call held and wrapped up, one owing its wrap-up and one still ahead;
// a step due today, one overdue (moved once), one upcoming; a stalled deal; tomorrow a call with no purpose or agenda
// and a prepared one.
import { SCHEMA_VERSION, Settings, type Meeting, type NextStep, type StoreDocument, type Thread } from '../../shared/domain';
import { reviewModes } from '../../shared/rules/review-queries';
import type { ReviewModes } from '../../shared/views';
import { meeting } from './fixtures';

/** Tuesday 25 Nov 2025, 16:00 UTC. */
export const REVIEW_NOW = Date.parse('2025-11-25T16:00:00.000Z');
const at = (hoursFromNow: number) => new Date(REVIEW_NOW + hoursFromNow * 3_600_000).toISOString();

const deal = (id: string, account: string): Thread => ({ id, title: account, account, contacts: [], status: 'open', createdAt: at(-24 * 30), notes: '' });

const step = (fields: Pick<NextStep, 'id' | 'threadId' | 'fromMeetingId' | 'what' | 'when'> & Partial<NextStep>): NextStep => ({
  kind: 'task',
  durationMinutes: 30,
  owner: 'me',
  purpose: 'Give them the numbers they asked for',
  bring: '',
  agreed: true,
  status: 'open',
  createdAt: at(-24 * 3),
  history: [],
  ...fields,
});

const held = (fields: Partial<Meeting> & Pick<Meeting, 'id' | 'threadId' | 'title' | 'start' | 'end'>): Meeting =>
  meeting({ status: 'done', startedAt: fields.start, endedAt: fields.end, ...fields });

export function reviewDoc(): StoreDocument {
  const meetings: Meeting[] = [
    held({ id: 'm-hooli', threadId: 't-hooli', title: 'Hooli pricing', start: at(-6.5), end: at(-6), outcome: 'achieved', confirmations: [
      { kind: 'confirm', at: at(-6.45), result: 'agreed' },
      { kind: 'reconfirm', at: at(-6.2), result: 'agreed' },
    ] }),
    meeting({ id: 'm-globex', threadId: 't-globex', title: 'Globex discovery', start: at(-3), end: at(-2.5), status: 'wrapping-up', startedAt: at(-3), endedAt: at(-2.5) }),
    meeting({ id: 'm-initech', threadId: 't-initech', title: 'Initech review', start: at(1), end: at(1.5), status: 'planned', confirmations: [], startedAt: undefined, endedAt: undefined }),
    held({ id: 'm-old', threadId: 't-stark', title: 'Stark follow-up', start: at(-24 * 20), end: at(-24 * 20 + 0.5) }),
    meeting({ id: 'm-tomorrow-1', threadId: 't-hooli', title: 'Proposal walkthrough', start: at(18), end: at(19), status: 'planned', purpose: '', agenda: [], confirmations: [], startedAt: undefined, endedAt: undefined }),
    meeting({ id: 'm-tomorrow-2', threadId: 't-initech', title: 'Demo for Initech', start: at(20), end: at(21), status: 'planned', confirmations: [], startedAt: undefined, endedAt: undefined }),
  ];
  const nextSteps: NextStep[] = [
    step({ id: 's-hooli', threadId: 't-hooli', fromMeetingId: 'm-hooli', kind: 'presentation', what: 'Proposal walkthrough', when: at(18), owner: 'both', plannedMeetingId: 'm-tomorrow-1', createdAt: at(-5.9) }),
    step({ id: 's-today', threadId: 't-initech', fromMeetingId: 'm-initech-intro', what: 'Send Initech the case study', when: at(2) }),
    step({
      id: 's-late',
      threadId: 't-stark',
      fromMeetingId: 'm-old',
      what: 'Send Stark the pilot plan',
      when: at(-24 * 3),
      history: [{ action: 'rescheduled', at: at(-24 * 10), from: at(-24 * 12), to: at(-24 * 3), reason: 'Their CFO was away' }],
    }),
  ];
  return {
    schemaVersion: SCHEMA_VERSION,
    threads: [deal('t-hooli', 'Hooli'), deal('t-globex', 'Globex'), deal('t-initech', 'Initech'), deal('t-stark', 'Stark Freight')],
    meetings,
    nextSteps,
    settings: Settings.parse({}),
    drafts: [],
  };
}

/** What the core would answer: the real rules, in this test process's zone (the window's). */
export const reviewModesFor = (doc: StoreDocument = reviewDoc(), now = REVIEW_NOW): ReviewModes => reviewModes(doc, now);
