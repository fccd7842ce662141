// Runs under vitest (e2e project), in Chromium against the browser preview with the REAL core, on a seeded year of
// one rep's work (~2,000 meetings, tests/support/seed-year.ts) written into the data folder before the preview starts.
// Every mode of the review renders (screenshots, light and dark; axe finds nothing), the tabs work from the keyboard
// alone, a follow-up marked done and a reschedule reach the file on disk, tomorrow's call is prepped in place —
// and it says roughly how long the review of a year takes to show.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { NextStep, StoreDocument } from '../../shared/domain';
import type { ReviewModes } from '../../shared/views';
import { seedYear } from '../support/seed-year';
import { launchBrowser, runAxe, screenshot, startPreview, type AxeSummary, type Browser, type Preview, type WatchedPage } from './support';

const NOW = '2026-03-04T16:30:00.000Z'; // a Wednesday, late afternoon (the browser runs in UTC)
const TABS = [
  { name: /^Today$/, slug: 'today', heading: /^Today, Wednesday/ },
  { name: /^Follow-ups \d+ due$/, slug: 'follow-ups', heading: /^Follow-ups$/ },
  { name: /^Threads \d+ stalled$/, slug: 'threads', heading: /^Threads$/ },
  { name: /^Tomorrow \d+ unprepared$/, slug: 'tomorrow', heading: /^Tomorrow, Thursday/ },
  { name: /^Metrics$/, slug: 'metrics', heading: /^Metrics$/ },
  { name: /^Plan$/, slug: 'plan', heading: /^Meetings$/ },
  { name: /^Settings$/, slug: 'settings', heading: /^Settings$/ },
] as const;

let preview: Preview;
let browser: Browser;
let dataDir: string;
let seeded: StoreDocument;
let watched: WatchedPage;
let page: Page;
const axeReports: AxeSummary[] = [];
const timings: string[] = [];

async function checkAxe(name: string) {
  const report = await runAxe(page, name);
  axeReports.push(report);
  expect(report.blocking, report.text).toEqual([]);
}

const stepOnDisk = async (id: string) => {
  const { data } = await preview.readStore();
  return (data as { nextSteps: NextStep[] }).nextSteps.find((s) => s.id === id);
};

const focusedName = () => page.evaluate(() => {
  const el = document.activeElement as HTMLElement | null;
  return el ? `${el.getAttribute('role') ?? el.tagName.toLowerCase()}:${(el.textContent ?? '').replace(/\s+/g, ' ').trim()}` : '';
});

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'second-step-e2e-year-'));
  seeded = seedYear({ now: NOW, timeZone: 'UTC' });
  await writeFile(join(dataDir, 'second-step.json'), JSON.stringify(seeded));
  preview = await startPreview({ now: NOW, dataDir });
  browser = await launchBrowser();
  watched = await browser.newPage({ width: 1280, height: 900 });
  page = watched.page;
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state !== 'fail' || page.isClosed()) return;
  console.log(`failure -> ${await screenshot(page, `failure-review-modes-${ctx.task.name.slice(0, 30).replace(/\W+/g, '_')}`)}`);
  console.log(`problems: ${watched.problems().join(' | ') || 'none'}\npreview stderr:\n${preview.stderr()}`);
});

afterAll(async () => {
  console.log(`axe:\n${axeReports.map((r) => r.text).join('\n')}`);
  console.log(`timings (a year: ${seeded?.meetings.length} meetings, ${seeded?.nextSteps.length} steps, ${seeded?.threads.length} deals):\n  ${timings.join('\n  ')}`);
  await browser?.close();
  await preview?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('the end-of-day review on a year of data', () => {
  it('opens on Today and shows the day within a second', async () => {
    expect(seeded.meetings.length).toBeGreaterThanOrEqual(1900);
    // The core's part: computing every mode from the year (median of five asks, over HTTP).
    const asks: number[] = [];
    let size = 0;
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      const reply = await preview.call<ReviewModes>('getReviewModes', { timeZone: 'UTC' });
      asks.push(performance.now() - started);
      expect(reply.ok).toBe(true);
      if (reply.ok) size = JSON.stringify(reply.value).length;
    }
    asks.sort((a, b) => a - b);
    timings.push(`getReviewModes over HTTP: median ${asks[2]!.toFixed(0)} ms (min ${asks[0]!.toFixed(0)}), ${(size / 1024).toFixed(0)} KiB`);

    const started = performance.now();
    await page.goto(preview.page('review.html'));
    await page.locator('table.calls tbody tr').first().waitFor();
    const inPage = await page.evaluate(() => performance.now()); // since navigation started
    timings.push(`review.html to Today's calls on screen: ${(performance.now() - started).toFixed(0)} ms (in page: ${inPage.toFixed(0)} ms from navigation)`);
    expect(await page.getByRole('tab', { name: /^Today$/ }).getAttribute('aria-selected')).toBe('true');
    expect(await page.locator('table.calls tbody tr').count()).toBeGreaterThan(3);
    await expect.poll(() => page.getByRole('heading', { level: 2, name: /^Today, Wednesday/ }).isVisible()).toBe(true);
  });

  // One test per mode, so each has the whole timeout to itself on a loaded machine.
  it.each(TABS)('renders $slug: screenshot, and axe finds nothing', async (tab) => {
    // Timed in the page: the click, React's render of the mode, and the next frame.
    const ms = await page.evaluate(async (label) => {
      const name = (t: Element) => (t.textContent ?? '').replace(/\s+/g, ' ').trim();
      const target = [...document.querySelectorAll<HTMLElement>('[role="tab"]')].find((t) => new RegExp(label).test(name(t)))!;
      const started = performance.now();
      target.click();
      await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
      return performance.now() - started;
    }, tab.name.source);
    await page.getByRole('heading', { level: 2, name: tab.heading }).waitFor();
    timings.push(`switch to ${tab.slug}: ${ms.toFixed(0)} ms (click to next frame, in the page)`);
    await screenshot(page, `review-${tab.slug}`);
    await checkAxe(`review ${tab.slug}`);
    expect(watched.problems()).toEqual([]);
  });

  it('renders in dark mode too, and axe finds nothing', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    try {
      for (const tab of TABS.filter((t) => ['today', 'follow-ups', 'threads', 'metrics', 'settings'].includes(t.slug))) {
        await page.getByRole('tab', { name: tab.name }).click();
        await page.getByRole('heading', { level: 2, name: tab.heading }).waitFor();
        await screenshot(page, `review-${tab.slug}-dark`);
        await checkAxe(`review ${tab.slug} (dark)`);
      }
    } finally {
      await page.emulateMedia({ colorScheme: 'light' });
    }
  });

  it('fits Today in the smallest window, and the metrics table passes axe open', async () => {
    // The review window's smallest size (720 px wide): Today's table fits without scrolling sideways.
    await page.setViewportSize({ width: 720, height: 800 });
    try {
      await page.getByRole('tab', { name: /^Today$/ }).click();
      await page.locator('table.calls').waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(720);
      await screenshot(page, 'review-today-720');
      await checkAxe('review today (720 px)');
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
    // The metrics table (the charts' text alternative) passes too, open.
    await page.getByRole('tab', { name: /^Metrics$/ }).click();
    await page.getByText('Show every number as a table').click();
    await checkAxe('review metrics (table open)');
    expect(watched.problems()).toEqual([]);
  });

  it('moves across the tabs with the keyboard alone', async () => {
    await page.goto(preview.page('review.html#today'));
    await page.locator('table.calls').waitFor();
    // From the top of the page, Tab reaches the selected tab: the header's button and the banner's come first.
    let reached = false;
    for (let i = 0; i < 6 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = (await focusedName()).startsWith('tab:Today');
    }
    expect(reached).toBe(true);
    for (const tab of TABS.slice(1)) {
      await page.keyboard.press('ArrowRight');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-selected'))).toBe('true');
      await page.getByRole('heading', { level: 2, name: tab.heading }).waitFor();
    }
    await page.keyboard.press('ArrowRight'); // wraps to Today
    await page.getByRole('heading', { level: 2, name: /^Today, Wednesday/ }).waitFor();
    await page.keyboard.press('End');
    await page.getByRole('heading', { level: 2, name: /^Settings$/ }).waitFor();
    await page.keyboard.press('Home');
    expect(await focusedName()).toBe('tab:Today');
    // Tab leaves the tab list for the panel: the other tabs are not Tab stops.
    await page.keyboard.press('Tab');
    expect(await focusedName()).toMatch(/^tabpanel:/);
  });

  it('marks a follow-up done with the keyboard, and the file on disk says so', async () => {
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('ArrowRight'); // Follow-ups
    await page.getByRole('heading', { level: 2, name: 'Follow-ups' }).waitFor();
    const dueToday = page.getByRole('region', { name: /^Due today/ });
    const first = dueToday.getByRole('listitem').first();
    const what = (await first.locator('.follow-up__what').textContent()) ?? '';
    const stepId = (await first.getAttribute('data-step-id')) ?? '';
    expect(stepId).not.toBe('');
    // Tab from the tab into the panel, on to the step's "Done" button, and press it.
    let onDone = false;
    for (let i = 0; i < 8 && !onDone; i++) {
      await page.keyboard.press('Tab');
      onDone = (await focusedName()) === `button:Done: ${what}`;
    }
    expect(onDone).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('status').filter({ hasText: `Marked done: ${what}.` }).count()).toBe(1);
    await expect.poll(async () => (await stepOnDisk(stepId))?.status).toBe('done');
    expect((await stepOnDisk(stepId))?.history.at(-1)).toMatchObject({ action: 'done' });
    // It left the list, and focus moved to the next step instead of falling off the page.
    await expect.poll(() => dueToday.locator(`[data-step-id="${stepId}"]`).count()).toBe(0);
    expect(await focusedName()).toMatch(/^(button:Done: |h3:Due today)/);
  });

  it('reschedules an overdue step with a reason, kept in its history on disk', async () => {
    const overdue = page.getByRole('region', { name: /^Overdue/ });
    const first = overdue.getByRole('listitem').first();
    const stepId = (await first.getAttribute('data-step-id')) ?? '';
    await first.getByRole('button', { name: /^Reschedule…/ }).click();
    await first.getByLabel('New date and time').fill('2026-03-10T11:00');
    await first.getByLabel('Why it moved').fill('Their ops lead is back on Tuesday');
    await screenshot(page, 'review-follow-ups-reschedule');
    await checkAxe('review follow-ups (reschedule open)');
    await first.getByRole('button', { name: 'Save new date' }).click();
    await expect.poll(async () => (await stepOnDisk(stepId))?.when).toBe('2026-03-10T11:00:00.000Z');
    expect((await stepOnDisk(stepId))?.history.at(-1)).toMatchObject({ action: 'rescheduled', to: '2026-03-10T11:00:00.000Z', reason: 'Their ops lead is back on Tuesday' });
  });

  it('preps tomorrow’s unprepared call in one click', async () => {
    await page.getByRole('tab', { name: /^Tomorrow/ }).click();
    const prep = page.getByRole('button', { name: /^Prep\s?: / }).first();
    const title = ((await prep.textContent()) ?? '').replace(/^Prep:?\s*/, '');
    await prep.click();
    const meetingId = ((await prep.getAttribute('aria-controls')) ?? '').replace(/^prep-/, '');
    const form = page.getByRole('region', { name: `Prep: ${title}` });
    await form.getByLabel('Purpose', { exact: true }).fill('Walk them through the proposal and agree the pilot sites');
    const useTemplate = form.getByRole('button', { name: /^Use the .+ agenda \(\d+ items?\)$/ });
    if (await useTemplate.count()) await useTemplate.click();
    await screenshot(page, 'review-tomorrow-prep');
    await checkAxe('review tomorrow (prep open)');
    await form.getByRole('button', { name: 'Save prep' }).click();
    await form.getByText(`Saved the prep for “${title}”.`).waitFor();
    const { data } = await preview.readStore();
    const meeting = (data as StoreDocument).meetings.find((m) => m.id === meetingId);
    expect(meeting?.purpose).toBe('Walk them through the proposal and agree the pilot sites');
    expect(meeting?.agenda.length).toBeGreaterThan(0);
  });

  it('exports the year as a CSV that round-trips through a CSV parser: one row per meeting, with its deal and next step', async () => {
    await page.getByRole('tab', { name: 'Settings' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    const csv = await readFile((await download.path())!, 'utf8');
    const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    const { meetings, nextSteps } = (await preview.readStore()).data as StoreDocument;
    expect(parsed.data).toHaveLength(meetings.length);
    // Every meeting's title comes back exactly, and the step logged from a meeting shows its point on a row.
    expect(parsed.data.map((r) => r['Meeting']).sort()).toEqual(meetings.map((m) => m.title).sort());
    const points = new Set(parsed.data.map((r) => r['Next step point']).filter(Boolean));
    const stepsFrom = new Map<string, NextStep[]>();
    for (const step of nextSteps) stepsFrom.set(step.fromMeetingId, [...(stepsFrom.get(step.fromMeetingId) ?? []), step]);
    const onlySteps = [...stepsFrom.values()].filter((steps) => steps.length === 1).map(([step]) => step!);
    expect(onlySteps.length).toBeGreaterThan(1000);
    for (const step of onlySteps) expect(points.has(step.purpose), step.purpose).toBe(true);
  });
});
