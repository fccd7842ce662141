// Runs in Node (main and preview). "Export CSV": every meeting with its deal and the next step logged from it, one
// row per meeting, in columns a CRM import maps easily. Built with papaparse (quotes, commas and newlines inside a
// field are escaped; a field that starts like a spreadsheet formula is defused with a leading apostrophe).
import type { Handlers } from '../../../../shared/contract';
import type { Meeting, NextStep, StoreDocument, Thread } from '../../../../shared/domain';
import type { ServiceContext } from './context';

export const CSV_COLUMNS = [
  'Account',
  'Deal',
  'Meeting',
  'Start',
  'End',
  'Stage',
  'Purpose',
  'Ideal outcome',
  'Purpose confirmed',
  'Re-confirmed',
  'Outcome',
  'Next step',
  'Next step date',
  'Next step point',
  'Bring',
  'Owner',
  'Agreed',
  'Status',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

const yesNo = (value: boolean) => (value ? 'Yes' : 'No');

function row(meeting: Meeting, thread: Thread | undefined, step: NextStep | undefined): Record<CsvColumn, string> {
  return {
    Account: thread?.account ?? '',
    Deal: thread?.title ?? '',
    Meeting: meeting.title,
    Start: meeting.start,
    End: meeting.end,
    Stage: meeting.stage,
    Purpose: meeting.purpose ?? '',
    'Ideal outcome': meeting.idealOutcome ?? '',
    'Purpose confirmed': yesNo(meeting.confirmations.some((c) => c.kind === 'confirm')),
    'Re-confirmed': yesNo(meeting.confirmations.some((c) => c.kind === 'reconfirm')),
    Outcome: meeting.outcome ?? '',
    'Next step': step?.what ?? '',
    'Next step date': step?.when ?? '',
    'Next step point': step?.purpose ?? '',
    Bring: step?.bring ?? '',
    Owner: step?.owner ?? '',
    Agreed: step ? yesNo(step.agreed) : '',
    // The step's status (open, done, missed); without a step, the meeting's own (planned, done, cancelled…).
    Status: step?.status ?? meeting.status,
  };
}

/** The CSV text of a store document: meetings by start time, each with the newest step logged from it. */
export async function meetingsCsv(doc: StoreDocument): Promise<string> {
  // Loaded on the first export, not at start-up.
  const { default: Papa } = await import('papaparse');
  const threads = new Map(doc.threads.map((t) => [t.id, t]));
  const steps = new Map<string, NextStep>();
  for (const step of doc.nextSteps) {
    const seen = steps.get(step.fromMeetingId);
    if (!seen || seen.createdAt <= step.createdAt) steps.set(step.fromMeetingId, step);
  }
  const meetings = [...doc.meetings].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  return Papa.unparse(
    { fields: [...CSV_COLUMNS], data: meetings.map((m) => CSV_COLUMNS.map((c) => row(m, threads.get(m.threadId), steps.get(m.id))[c])) },
    { newline: '\r\n', escapeFormulae: true },
  );
}

export function exportCsvService(ctx: ServiceContext) {
  return {
    async exportCsv() {
      const day = ctx.nowIso().slice(0, 10);
      return { filename: `second-step-${day}.csv`, csv: await meetingsCsv(await ctx.store.whole()) };
    },
  } satisfies Pick<Handlers, 'exportCsv'>;
}
