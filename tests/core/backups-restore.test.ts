// Back up and restore from the settings page, on a real core and real temp folders: the preview says what would
// change and changes nothing; a restore backs the current data up first and replaces it in one update; a damaged
// backup, an owed wrap-up or a live call are refused in plain words with nothing changed; a JSON export reads back.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CALL_LIVE, OWED_WRAP_UP } from '../../electron/main/core/services/backups';
import { dataFolderService } from '../../electron/main/core/services/data-folder';
import { dispatch } from '../../electron/main/core/dispatch';
import { discoveryCall, goodStep, iso, minutes, openTestCore, T0, type TestCore } from '../support/core-harness';

let t: TestCore;
afterEach(async () => t?.dispose());

const titles = async () => (await t.ok('getReview')).meetings.map((m) => m.title).sort();
const changedEvents = () => t.events.filter((e) => e.event === 'changed').length;
const backupFiles = () => readdirSync(join(t.dataDir, 'backups')).sort();

/** A core whose day's backup holds one meeting ("Discovery with Acme"); a second one was planned after it. */
async function coreWithBackup() {
  t = await openTestCore();
  await t.ok('createMeeting', discoveryCall()); // the day's first write: backed up
  const [backup] = await t.ok('listBackups');
  await t.ok('createMeeting', discoveryCall({ title: 'Pricing with Globex', account: 'Globex', start: iso(T0 + minutes(180)), end: iso(T0 + minutes(210)) }));
  return backup!;
}

describe('restore from a backup', () => {
  it('lists the backups with when and why they were taken', async () => {
    const backup = await coreWithBackup();
    expect(backup).toEqual({ id: expect.stringMatching(/^second-step\..+\.daily\.json$/), takenAt: iso(T0), reason: 'daily' });
  });

  it('previews what would change — counts and examples by name and date — and changes nothing', async () => {
    const backup = await coreWithBackup();
    const before = JSON.stringify(t.core.store.data);
    const preview = await t.ok('previewRestore', { backupId: backup.id });
    expect(preview.blockedBy).toBeNull();
    expect(preview.summary.meetings).toEqual({
      added: 0,
      removed: 1,
      changed: 0,
      examples: [{ change: 'removed', label: 'Pricing with Globex · Globex', when: iso(T0 + minutes(180)) }],
    });
    expect(preview.summary.threads).toMatchObject({ removed: 1, examples: [{ change: 'removed', label: 'Globex' }] });
    expect(preview.summary.nothing).toBe(false);
    expect(JSON.stringify(t.core.store.data)).toBe(before);
  });

  it('backs the current data up first, then replaces it in one update that windows hear about', async () => {
    const backup = await coreWithBackup();
    const events = changedEvents();
    const { safetyBackup, preview } = await t.ok('restoreData', { backupId: backup.id });
    expect(preview.summary.meetings.removed).toBe(1);
    expect(changedEvents()).toBe(events + 1);
    expect(await titles()).toEqual(['Discovery with Acme']);
    expect(safetyBackup.reason).toBe('pre-restore');
    // The way back: the pre-restore copy holds what was there before, and restoring it brings it all back.
    expect((await t.ok('previewRestore', { backupId: safetyBackup.id })).summary.meetings.added).toBe(1);
    await t.ok('restoreData', { backupId: safetyBackup.id });
    expect(await titles()).toEqual(['Discovery with Acme', 'Pricing with Globex']);
    t = await t.reopen(); // and it is on disk
    expect(await titles()).toEqual(['Discovery with Acme', 'Pricing with Globex']);
  });

  it('refuses a damaged backup in plain words and changes nothing', async () => {
    const backup = await coreWithBackup();
    writeFileSync(join(t.dataDir, 'backups', backup.id), '{"schemaVersion": 1, "threads": ');
    const files = backupFiles();
    const before = JSON.stringify(t.core.store.data);
    for (const method of ['previewRestore', 'restoreData'] as const) {
      const reply = await t.call(method, { backupId: backup.id });
      expect(reply).toMatchObject({ ok: false, error: { code: 'invalid', message: expect.stringMatching(/^This backup is damaged .*Nothing was changed\.$/) } });
    }
    expect(JSON.stringify(t.core.store.data)).toBe(before);
    expect(backupFiles()).toEqual(files);
  });

  it('refuses while a wrap-up is owed — a restore is no way around it — and while a call is live', async () => {
    const backup = await coreWithBackup();
    const meeting = (await t.ok('getReview')).meetings.find((m) => m.title === 'Discovery with Acme')!;
    t.clock.set(T0 + minutes(60));
    await t.ok('startMeeting', { id: meeting.id });
    expect(await t.call('restoreData', { backupId: backup.id })).toMatchObject({ ok: false, error: { code: 'conflict', message: CALL_LIVE } });
    await t.ok('endCall', { meetingId: meeting.id });

    const files = backupFiles();
    const before = JSON.stringify(t.core.store.data);
    expect((await t.ok('previewRestore', { backupId: backup.id })).blockedBy).toBe(OWED_WRAP_UP);
    expect(await t.call('restoreData', { backupId: backup.id })).toMatchObject({ ok: false, error: { code: 'conflict', message: OWED_WRAP_UP } });
    expect(JSON.stringify(t.core.store.data)).toBe(before);
    expect(backupFiles()).toEqual(files); // not even the pre-restore copy

    await t.ok('logNextStep', goodStep(meeting.id));
    await t.ok('restoreData', { backupId: backup.id });
    expect(t.core.hasPendingWrapUp()).toBe(false);
  });

  it('shows a wrap-up the restored data owes, at once', async () => {
    t = await openTestCore();
    const meeting = await t.ok('createMeeting', discoveryCall());
    t.clock.set(T0 + minutes(60));
    await t.ok('startMeeting', { id: meeting.id });
    await t.ok('endCall', { meetingId: meeting.id });
    const { json } = await t.ok('exportJson');
    await t.ok('logNextStep', goodStep(meeting.id));
    await t.ok('restoreData', { fileText: json });
    expect(t.core.hasPendingWrapUp()).toBe(true);
    expect(t.events.at(-1)).toEqual({ event: 'window', payload: { window: 'wrapup', action: 'show' } });
  });

  it('keeps a call the restored data holds running: its prompts and its hard limit still apply', async () => {
    t = await openTestCore();
    const meeting = await t.ok('createMeeting', discoveryCall());
    t.clock.set(T0 + minutes(60));
    await t.ok('startMeeting', { id: meeting.id });
    const { json } = await t.ok('exportJson'); // taken during the call
    await t.ok('endCall', { meetingId: meeting.id });
    await t.ok('logNextStep', goodStep(meeting.id));
    await t.ok('restoreData', { fileText: json });
    expect((await t.ok('getLive'))?.meeting.id).toBe(meeting.id);
    t.clock.set(T0 + minutes(90 + 61)); // past the end plus the hard limit: the call is ended, its wrap-up owed
    await expect.poll(() => t.core.hasPendingWrapUp()).toBe(true);
  });
});

describe('export all data (JSON)', () => {
  it('exports a file the restore reads back whole', async () => {
    t = await openTestCore();
    await t.ok('createMeeting', discoveryCall());
    await t.ok('updateSettings', { endOfDay: '18:15' });
    const exported = await t.ok('exportJson');
    expect(exported.filename).toBe('second-step-data-2026-11-23.json');
    expect((await t.ok('previewRestore', { fileText: exported.json })).summary.nothing).toBe(true);

    await t.ok('updateSettings', { endOfDay: '17:00' });
    await t.ok('createMeeting', discoveryCall({ title: 'Later call' }));
    const preview = await t.ok('previewRestore', { fileText: exported.json, fileName: exported.filename });
    expect(preview.summary.settings).toEqual(['End of day']);
    expect(preview.summary.meetings.removed).toBe(1);
    await t.ok('restoreData', { fileText: exported.json });
    expect(await titles()).toEqual(['Discovery with Acme']);
    expect((await t.ok('getSettings')).endOfDay).toBe('18:15');
  });

  it('refuses a file that is not a Second Step data file, in plain words', async () => {
    t = await openTestCore();
    for (const fileText of ['hello', '{"calendar": []}', '']) {
      const reply = await t.call('previewRestore', { fileText });
      expect(reply).toMatchObject({ ok: false, error: { code: 'invalid', message: expect.stringMatching(/^This file .*Nothing was changed\.$/) } });
    }
  });
});

describe('data folder', () => {
  it('shows where the data lives; the preview (no file manager) answers that it could not open it', async () => {
    t = await openTestCore();
    expect(await t.ok('getDataFolder')).toEqual({ path: t.dataDir, canReveal: false });
    expect(await t.ok('revealDataFolder')).toEqual({ opened: false });
  });

  it('asks the host to open the folder, and words its refusal', async () => {
    const opened: string[] = [];
    const works = dataFolderService({ dataDir: '/data', revealFolder: async (path) => void opened.push(path) });
    expect(await works.getDataFolder()).toEqual({ path: '/data', canReveal: true });
    expect(await works.revealDataFolder()).toEqual({ opened: true });
    expect(opened).toEqual(['/data']);
    const refuses = dataFolderService({ dataDir: '/data', revealFolder: () => Promise.reject(new Error('Failed to open path')) });
    const reply = await dispatch({ revealDataFolder: refuses.revealDataFolder } as never, 'revealDataFolder', {});
    expect(reply).toEqual({ ok: false, error: { code: 'conflict', message: 'The folder could not be opened (Failed to open path). Its path is shown above.' } });
  });
});
