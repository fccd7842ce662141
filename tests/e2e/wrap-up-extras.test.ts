// Runs under vitest (e2e project), in Chromium against the browser preview with the real core: the wrap-up's
// extras. A call whose time passed unstarted asks "did this call happen?"; "It happened" turns it into a normal
// wrap-up; restarting the preview keeps the draft typed so far; "Add to calendar" downloads an invite that parses.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ical from 'node-ical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../shared/contract';
import { launchBrowser, runAxe, screenshot, startPreview, type Browser, type Preview } from './support';

const START = '2026-03-02T09:00:00.000Z'; // Monday; the browser runs in UTC
let preview: Preview;
let browser: Browser;
let dataDir: string; // ours, so it outlives a preview restart

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'second-step-e2e-extras-'));
  preview = await startPreview({ now: START, dataDir });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await preview?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('wrap-up extras', () => {
  it('asks whether an unstarted call happened, then wraps it up; the draft survives a restart; the invite parses', async () => {
    const created = (await preview.call('createMeeting', {
      account: 'Initech',
      title: 'Pricing review with Bill',
      start: '2026-03-02T09:30:00.000Z',
      end: '2026-03-02T10:00:00.000Z',
      purpose: 'Agree which plan fits their team of forty',
    })) as Reply<{ id: string }>;
    expect(created.ok).toBe(true);
    await preview.setClock('2026-03-02T10:05:00.000Z');

    let { page } = await browser.newPage();
    await page.goto(preview.page('wrapup.html'));
    await page.getByRole('heading', { name: 'Did this call happen?' }).waitFor();
    await screenshot(page, 'wrapup-unheld');
    expect((await runAxe(page, 'wrapup-unheld')).blocking).toEqual([]);
    await page.getByRole('button', { name: 'It happened' }).click();
    await page.getByRole('heading', { name: 'Wrap up: Pricing review with Bill' }).waitFor();

    // The coach speaks as the rep types: a vague action is called out, and a typed time is read back as a date.
    await page.getByLabel('Next step', { exact: true }).fill('follow up');
    await page.getByText('“follow up” is vague — what exactly happens, and what is it for?').waitFor();
    await page.getByLabel('Say when').fill('wed 2pm');
    await page.getByText('→ Wednesday, Mar 4, 02:00 PM').waitFor();

    // Type part of the step, then restart the preview on the same data folder: every word comes back.
    await page.getByLabel('Next step', { exact: true }).fill('Proposal walkthrough with Bill and finance');
    await page.waitForTimeout(900); // the draft is saved ~400 ms after typing stops
    await page.close();
    await preview.stop();
    preview = await startPreview({ now: '2026-03-02T10:10:00.000Z', dataDir });
    ({ page } = await browser.newPage());
    await page.goto(preview.page('wrapup.html'));
    await expect.poll(() => page.getByLabel('Next step', { exact: true }).inputValue()).toBe('Proposal walkthrough with Bill and finance');
    expect(await page.getByLabel('Say when').inputValue()).toBe('wed 2pm');
    expect(await page.getByLabel('When', { exact: true }).inputValue()).toBe('2026-03-04T14:00');

    await page.getByLabel('Its point').fill('Walk finance through the numbers so they can sign');
    await page.getByLabel("I'll bring").fill('The proposal with two pricing options');
    await page.getByLabel('The prospect agreed on the call').check();
    await page.getByRole('button', { name: 'Log next step' }).click();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Add to calendar (.ics)' }).click();
    const file = await (await download).path();
    const events = Object.values(ical.sync.parseICS(await readFile(file, 'utf8'))).filter((c) => c?.type === 'VEVENT') as ical.VEvent[];
    expect(events).toHaveLength(1);
    expect(new Date(events[0]!.start!).toISOString()).toBe('2026-03-04T14:00:00.000Z');
    await screenshot(page, 'wrapup-logged');
  });
});
