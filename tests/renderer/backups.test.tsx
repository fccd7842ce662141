// Settings › Backups, Data folder and the JSON export in jsdom: the list in the rep's words, a restore that is only
// ever done after a preview and a confirm (cancel changes nothing), a refusal shown as the core words it, the file
// route, "Show in folder" disabled (and why) where the host cannot open folders, and the JSON download.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RestoreSummary } from '../../shared/rules/restore-changes';
import type { BackupView, RestorePreview } from '../../shared/views';
import { BackupsSection } from '../../renderer/src/review/settings/BackupsSection';
import { DataFolderSection } from '../../renderer/src/review/settings/DataFolderSection';
import { ExportSection } from '../../renderer/src/review/settings/ExportSection';
import { button, byRole, cleanup, click, description, fail, fakeBridge, installBridge, ok, pageText, render, settle, type FakeBridge } from './harness';

const NOW = Date.parse('2026-11-23T16:00:00Z');
const BACKUP: BackupView = { id: 'second-step.2026-11-23T09-00-00.000Z.daily.json', takenAt: '2026-11-23T09:00:00.000Z', reason: 'daily' };
const none = { added: 0, removed: 0, changed: 0, examples: [] };
const summary: RestoreSummary = {
  threads: none,
  meetings: { added: 0, removed: 1, changed: 0, examples: [{ change: 'removed', label: 'Pricing with Globex · Globex', when: '2026-11-23T12:00:00.000Z' }] },
  nextSteps: none,
  settings: ['End of day'],
  nothing: false,
};
const preview = (blockedBy: string | null = null): RestorePreview => ({ summary, blockedBy });

let fake: FakeBridge;
let done: string[];
beforeEach(() => {
  fake = fakeBridge();
  done = [];
  fake.answer('listBackups', () => ok([BACKUP]));
  fake.answer('previewRestore', () => ok(preview()));
  fake.answer('restoreData', () => ok({ safetyBackup: { ...BACKUP, reason: 'pre-restore', takenAt: '2026-11-23T16:00:00.000Z' }, preview: preview() }));
  installBridge(fake);
});
afterEach(cleanup);

const when = (iso: string) => new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
const section = () => render(<BackupsSection now={NOW} onDone={(text) => done.push(text)} />);

describe('backups', () => {
  it('lists each backup with when and why it was taken', async () => {
    await section();
    expect(pageText()).toContain(`${when(BACKUP.takenAt)} — the day’s copy`);
  });

  it('tells apart two copies taken within one minute by their seconds; other copies keep minutes', async () => {
    const sameMinute: BackupView[] = [
      { id: 'a', takenAt: '2026-11-23T15:42:31.000Z', reason: 'pre-restore' },
      { id: 'b', takenAt: '2026-11-23T15:42:05.000Z', reason: 'open' },
      BACKUP,
    ];
    fake.answer('listBackups', () => ok(sameMinute));
    await section();
    const withSeconds = (iso: string) =>
      new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(new Date(iso));
    expect(pageText()).toContain(withSeconds(sameMinute[0]!.takenAt));
    expect(pageText()).toContain(withSeconds(sameMinute[1]!.takenAt));
    expect(withSeconds(sameMinute[0]!.takenAt)).not.toBe(withSeconds(sameMinute[1]!.takenAt));
    expect(pageText()).toContain(`${when(BACKUP.takenAt)} — the day’s copy`);
  });

  it('previews what a restore would change, and cancelling changes nothing', async () => {
    await section();
    await click(button(`Preview restore: ${when(BACKUP.takenAt)}`));
    expect(fake.callsOf('previewRestore')).toEqual([{ backupId: BACKUP.id }]);
    const text = pageText();
    expect(text).toContain(`Restoring the backup from ${when(BACKUP.takenAt)} would change:`);
    expect(text).toContain('Meetings: 1 go away.');
    expect(text).toContain('Goes away: Pricing with Globex · Globex');
    expect(text).toContain('Settings that change: End of day.');
    await click(button('Cancel'));
    expect(pageText()).not.toContain('would change:');
    expect(fake.callsOf('restoreData')).toEqual([]);
  });

  it('restores only on confirm, then says where the data from before is kept', async () => {
    await section();
    await click(button(`Preview restore: ${when(BACKUP.takenAt)}`));
    await click(button('Restore it'));
    expect(fake.callsOf('restoreData')).toEqual([{ backupId: BACKUP.id }]);
    expect(done).toEqual([`Restored the backup from ${when(BACKUP.takenAt)}. Your data from just before is kept as a backup (${when('2026-11-23T16:00:00.000Z')}).`]);
    expect(pageText()).not.toContain('would change:');
  });

  it('will not restore while the core says it cannot, and says why', async () => {
    fake.answer('previewRestore', () => ok(preview('Log the next step of your last call first.')));
    await section();
    await click(button(`Preview restore: ${when(BACKUP.takenAt)}`));
    expect(button('Restore it').disabled).toBe(true);
    expect(byRole('alert').map((a) => a.textContent)).toContain('Log the next step of your last call first.');
  });

  it('shows a damaged backup as the core words it, with nothing to confirm', async () => {
    fake.answer('previewRestore', () => fail('This backup is damaged or is not a Second Step data file, so it cannot be used. Nothing was changed.'));
    await section();
    await click(button(`Preview restore: ${when(BACKUP.takenAt)}`));
    expect(byRole('alert').map((a) => a.textContent)).toEqual(['This backup is damaged or is not a Second Step data file, so it cannot be used. Nothing was changed.']);
    expect(pageText()).not.toContain('Restore it');
  });

  it('previews a picked JSON export from its text', async () => {
    await section();
    // Hidden behind its button ("Restore from a file…" opens the OS's file chooser).
    const input = document.querySelector<HTMLInputElement>('input[type="file"]')!;
    const file = new File(['{"schemaVersion":1}'], 'second-step-data-2026-11-20.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await settle(10);
    expect(fake.callsOf('previewRestore')).toEqual([{ fileText: '{"schemaVersion":1}', fileName: 'second-step-data-2026-11-20.json' }]);
    expect(pageText()).toContain('Restoring second-step-data-2026-11-20.json would change:');
  });
});

describe('data folder', () => {
  it('shows the path; where the folder cannot be opened, the button is disabled and says why', async () => {
    fake.answer('getDataFolder', () => ok({ path: '/home/rep/.config/Second Step/data', canReveal: false }));
    await render(<DataFolderSection />);
    expect(pageText()).toContain('/home/rep/.config/Second Step/data');
    const show = button('Show in folder');
    expect(show.disabled).toBe(true);
    expect(description(show)).toMatch(/cannot open folders/);
  });

  it('asks the host to open it', async () => {
    fake.answer('getDataFolder', () => ok({ path: '/data', canReveal: true }));
    fake.answer('revealDataFolder', () => ok({ opened: true }));
    await render(<DataFolderSection />);
    await click(button('Show in folder'));
    expect(fake.callsOf('revealDataFolder')).toEqual([{}]);
  });
});

describe('JSON export', () => {
  it('downloads all the data as a JSON file', async () => {
    fake.answer('exportJson', () => ok({ filename: 'second-step-data-2026-11-23.json', json: '{}' }));
    const createObjectURL = vi.fn(() => 'blob:x');
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    await render(<ExportSection onDone={(text) => done.push(text)} />);
    await click(button('Export all data (JSON)'));
    expect(clicked).toHaveBeenCalledOnce();
    expect(done[0]).toMatch(/^Exported second-step-data-2026-11-23\.json\./);
    clicked.mockRestore();
  });
});
