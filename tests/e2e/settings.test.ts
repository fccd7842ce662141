// Runs under vitest (e2e project), in Chromium against the browser preview with the REAL core: the Settings tab
// used with the keyboard alone — a hotkey pressed into its field reaches the file on disk, a clash is refused at
// once — the end-of-day time saved, and "Export CSV" downloads a file that round-trips through a CSV parser
// (commas, quotes and newlines inside fields).
import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Settings } from '../../shared/domain';
import { launchBrowser, runAxe, screenshot, startPreview, type Browser, type Preview, type WatchedPage } from './support';

const NOW = '2026-11-23T15:00:00.000Z'; // a Monday afternoon (the browser runs in UTC)
let preview: Preview;
let browser: Browser;
let watched: WatchedPage;
let page: Page;

const settingsOnDisk = async () => ((await preview.readStore()).data as { settings: Settings }).settings;
const overlayField = () => page.getByRole('textbox', { name: 'Show or hide the overlay', exact: true });
const focusedLabel = () => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.labels?.[0]?.textContent ?? '');

beforeAll(async () => {
  preview = await startPreview({ now: NOW });
  const reply = await preview.call('createMeeting', {
    account: 'Acme, "Logistics" Inc.',
    title: 'Discovery\nwith Acme',
    start: '2026-11-24T10:00:00.000Z',
    end: '2026-11-24T10:30:00.000Z',
    purpose: 'Learn, in "their" words, how routes are planned',
  });
  expect(reply.ok).toBe(true);
  browser = await launchBrowser();
  watched = await browser.newPage({ width: 1280, height: 900 });
  page = watched.page;
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state !== 'fail' || page.isClosed()) return;
  console.log(`failure -> ${await screenshot(page, `failure-settings-${ctx.task.name.slice(0, 30).replace(/\W+/g, '_')}`)}`);
  console.log(`problems: ${watched.problems().join(' | ') || 'none'}\npreview stderr:\n${preview.stderr()}`);
});

afterAll(async () => {
  await browser?.close();
  await preview?.stop();
});

describe('settings', () => {
  it('sets a hotkey with the keyboard alone (a clash refused at once) and the end of day, and the file on disk says so', async () => {
    await page.goto(preview.page('review.html#settings'));
    await page.getByRole('heading', { level: 2, name: 'Settings' }).waitFor();
    // Tab from the selected tab into the panel, then on to the first hotkey field.
    await page.getByRole('tab', { name: 'Settings' }).focus();
    for (let i = 0; i < 4 && (await focusedLabel()) !== 'Show or hide the overlay'; i++) await page.keyboard.press('Tab');
    expect(await focusedLabel()).toBe('Show or hide the overlay');
    await page.keyboard.press('Control+Alt+Y'); // "Yes / agreed" has it: refused at once, nothing saved
    await expect.poll(() => overlayField().getAttribute('aria-invalid')).toBe('true');
    await page.keyboard.press('Control+Alt+Shift+O');
    await expect.poll(async () => (await settingsOnDisk()).hotkeys.toggleOverlay).toBe('Control+Alt+Shift+O');
    expect(await overlayField().inputValue()).toBe('Ctrl+Alt+Shift+O');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Saved:' }).textContent()).toBe('Saved: Show or hide the overlay: Ctrl+Alt+Shift+O.');

    const time = page.getByLabel('Review my day at');
    await time.fill('18:15');
    await time.focus();
    // Tab through the field's own parts (hours, minutes, AM/PM in en-US) on to "Save end of day", and press it.
    for (let i = 0; i < 4 && (await page.evaluate(() => document.activeElement?.textContent)) !== 'Save end of day'; i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await settingsOnDisk()).endOfDay).toBe('18:15');
    await screenshot(page, 'settings-after-keyboard');
    const report = await runAxe(page, 'settings (after changes)');
    expect(report.blocking, report.text).toEqual([]);
  });

  it('downloads a CSV that round-trips through papaparse', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('second-step-2026-11-23.csv');
    const csv = await readFile((await download.path())!, 'utf8');
    const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toHaveLength(1);
    expect(parsed.data[0]).toMatchObject({
      Account: 'Acme, "Logistics" Inc.',
      Meeting: 'Discovery\nwith Acme',
      Purpose: 'Learn, in "their" words, how routes are planned',
      'Purpose confirmed': 'No',
      Status: 'planned',
    });
    expect(watched.problems()).toEqual([]);
  });
});
