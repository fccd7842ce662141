// Runs under vitest (e2e project), in Chromium against the browser preview with the REAL core: Settings › Backups.
// The rep previews restoring the day's backup (what goes away, by name and date), cancels (nothing changes on disk),
// previews again and confirms — the data on disk is the backup's, and the data from just before is kept as a
// backup; then "Export all data (JSON)" taken earlier is picked as a file and restored, and the data comes back.
// The data folder is shown with its path, and "Show in folder" is disabled here (a browser cannot open folders).
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, runAxe, screenshot, startPreview, type Browser, type Preview, type WatchedPage } from './support';

const NOW = '2026-11-23T15:00:00.000Z'; // a Monday afternoon (the browser runs in UTC)
let preview: Preview;
let browser: Browser;
let watched: WatchedPage;
let page: Page;
let exported = '';

const titlesOnDisk = async () => ((await preview.readStore()).data as { meetings: { title: string }[] }).meetings.map((m) => m.title).sort();
const backups = () => page.getByRole('region', { name: /would change/ });
const status = () => page.getByRole('status').filter({ hasText: 'Restored' });

async function plan(title: string, account: string, start: string) {
  const reply = await preview.call('createMeeting', { account, title, start, end: start.replace(':00:00.000Z', ':30:00.000Z'), purpose: 'Agree the next step' });
  expect(reply.ok).toBe(true);
}

beforeAll(async () => {
  preview = await startPreview({ now: NOW });
  await plan('Discovery with Acme', 'Acme Logistics', '2026-11-24T10:00:00.000Z'); // the day's first write: backed up
  await plan('Pricing with Globex', 'Globex', '2026-11-25T14:00:00.000Z');
  browser = await launchBrowser();
  watched = await browser.newPage({ width: 1280, height: 900 });
  page = watched.page;
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state !== 'fail' || page.isClosed()) return;
  console.log(`failure -> ${await screenshot(page, `failure-backups-${ctx.task.name.slice(0, 30).replace(/\W+/g, '_')}`)}`);
  console.log(`problems: ${watched.problems().join(' | ') || 'none'}\npreview stderr:\n${preview.stderr()}`);
});

afterAll(async () => {
  await browser?.close();
  await preview?.stop();
});

describe('backups and restore', () => {
  it('shows the data folder, and exports all the data as JSON', async () => {
    await page.goto(preview.page('review.html#settings'));
    await page.getByRole('heading', { level: 3, name: 'Data folder' }).waitFor();
    await expect.poll(() => page.getByText(preview.dataDir, { exact: true }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Show in folder' }).isDisabled()).toBe(true);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export all data (JSON)' }).click()]);
    expect(download.suggestedFilename()).toBe('second-step-data-2026-11-23.json');
    exported = (await download.path())!;
  });

  it('previews a restore, cancels without a change, then restores — and the backup’s data is on disk', async () => {
    await page.getByRole('heading', { level: 3, name: 'Backups' }).scrollIntoViewIfNeeded();
    await page.getByRole('button', { name: /^Preview restore: / }).click();
    await backups().waitFor();
    const text = (await backups().textContent()) ?? '';
    expect(text).toContain('Meetings: 1 go away.');
    expect(text).toContain('Goes away: Pricing with Globex · Globex');
    expect(text).toContain('Deals: 1 go away.');
    await backups().scrollIntoViewIfNeeded();
    await screenshot(page, 'settings-restore-preview');
    const report = await runAxe(page, 'settings (restore preview)');
    expect(report.blocking, report.text).toEqual([]);

    await page.getByRole('button', { name: 'Cancel' }).click();
    await backups().waitFor({ state: 'detached' });
    expect(await titlesOnDisk()).toEqual(['Discovery with Acme', 'Pricing with Globex']);

    await page.getByRole('button', { name: /^Preview restore: / }).click();
    await page.getByRole('button', { name: 'Restore it' }).click();
    await status().waitFor();
    expect(await status().textContent()).toMatch(/^Restored the backup from .+\. Your data from just before is kept as a backup/);
    expect(await titlesOnDisk()).toEqual(['Discovery with Acme']);
    expect((await readdir(join(preview.dataDir, 'backups'))).some((name) => name.endsWith('.pre-restore.json'))).toBe(true);
    await expect.poll(() => page.getByText('your data just before a restore').count()).toBe(1);
  });

  it('restores the JSON export picked as a file, and the data comes back', async () => {
    // As the rep picks it: under the name it was downloaded with.
    const buffer = await readFile(exported);
    await page.locator('input[type="file"]').setInputFiles({ name: 'second-step-data-2026-11-23.json', mimeType: 'application/json', buffer });
    await backups().waitFor();
    expect(await backups().textContent()).toContain('Comes back: Pricing with Globex · Globex');
    await page.getByRole('button', { name: 'Restore it' }).click();
    await expect.poll(() => titlesOnDisk()).toEqual(['Discovery with Acme', 'Pricing with Globex']);
    await status().filter({ hasText: 'Restored second-step-data-2026-11-23.json.' }).waitFor();
    await screenshot(page, 'settings-after-restore');
    const report = await runAxe(page, 'settings (after restore)');
    expect(report.blocking, report.text).toEqual([]);
    expect(watched.problems()).toEqual([]);
  });
});
