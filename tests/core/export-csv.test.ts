// "Export CSV": meetings and next steps in CRM-import-friendly columns that survive a CSV parser — commas, quotes and
// newlines inside fields included.
import Papa from 'papaparse';
import { afterEach, expect, it } from 'vitest';
import { CSV_COLUMNS } from '../../electron/main/core/services/export-csv';
import { discoveryCall, goodStep, minutes, openTestCore, T0, type TestCore } from '../support/core-harness';

let t: TestCore;
afterEach(async () => t?.dispose());

it('round-trips through papaparse', async () => {
  t = await openTestCore();
  const tricky = discoveryCall({
    account: 'Acme, "Logistics" Inc.',
    title: 'Discovery\nwith Acme',
    purpose: 'Learn, in "their" words,\nhow routes are planned',
  });
  const first = await t.ok('createMeeting', tricky);
  const later = await t.ok('createMeeting', discoveryCall({ title: 'Later call', start: new Date(T0 + minutes(300)).toISOString(), end: new Date(T0 + minutes(330)).toISOString() }));
  t.clock.set(T0 + minutes(60));
  await t.ok('startMeeting', { id: first.id });
  await t.ok('answerPrompt', { meetingId: first.id, answer: 'yes' }); // confirms the purpose
  await t.ok('endCall', { meetingId: first.id });
  const { step } = await t.ok('logNextStep', goodStep(first.id, { what: 'Demo, with "Dana"', bring: 'Slides\r\nand a sample plan', outcome: 'partly' }));

  const { filename, csv } = await t.ok('exportCsv', {});
  expect(filename).toBe('second-step-2026-11-23.csv');
  const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  expect(parsed.meta.fields).toEqual([...CSV_COLUMNS]);
  // The demo step planned the next meeting: it is the third row.
  expect(parsed.data).toHaveLength(3);
  expect(parsed.data[0]).toEqual({
    Account: 'Acme, "Logistics" Inc.',
    Deal: expect.any(String),
    Meeting: 'Discovery\nwith Acme',
    Start: first.start,
    End: first.end,
    Stage: 'First meeting',
    Purpose: 'Learn, in "their" words,\nhow routes are planned',
    'Ideal outcome': 'A demo with their ops lead',
    'Purpose confirmed': 'Yes',
    'Re-confirmed': 'No',
    Outcome: 'partly',
    'Next step': 'Demo, with "Dana"',
    'Next step date': step.when,
    'Next step point': step.purpose,
    Bring: 'Slides\r\nand a sample plan',
    Owner: 'both',
    Agreed: 'Yes',
    Status: 'open',
  });
  expect(parsed.data[1]).toMatchObject({ Meeting: later.title, 'Next step': '', Agreed: '', Status: 'planned' });
  expect(parsed.data[2]).toMatchObject({ Start: step.when, Status: 'planned' });
});

it('defuses a field that a spreadsheet would run as a formula', async () => {
  t = await openTestCore();
  await t.ok('createMeeting', discoveryCall({ title: '=HYPERLINK("http://x")' }));
  const { csv } = await t.ok('exportCsv');
  const [row] = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
  expect(row?.Meeting).toBe(`'=HYPERLINK("http://x")`);
});
