// Runs under vitest (e2e project): the overlay through a whole call in Chromium against the browser preview, with
// time driven by the preview's test clock (never by waiting). The confirm prompt shows at the start and answering
// it logs the confirmation; the "next agenda item" action — the same contract call the hotkey makes — moves the
// highlight; near the end the ask-for-the-next-meeting prompt shows and its note pre-fills the wrap-up; the timer on
// screen follows the moved clock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../shared/contract';
import { launchBrowser, runAxe, screenshot, startPreview, type Browser, type Preview } from './support';

const START = '2026-03-02T09:00:00.000Z';
let preview: Preview;
let browser: Browser;

beforeAll(async () => {
  preview = await startPreview({ now: START });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await preview?.stop();
});

describe('overlay prompts', () => {
  it('confirm at the start, next item by the action, ask for the next meeting near the end', async () => {
    const created = (await preview.call('createMeeting', {
      account: 'Globex',
      title: 'Discovery with Hank',
      start: '2026-03-02T09:00:00.000Z',
      end: '2026-03-02T09:30:00.000Z',
      purpose: 'Find out how Globex schedules its field engineers today',
      agenda: [{ text: 'How they schedule now' }, { text: 'What it costs them' }, { text: 'Agree the next step' }],
    })) as Reply<{ id: string }>;
    if (!created.ok) throw new Error(JSON.stringify(created.error));
    await preview.call('startMeeting', { id: created.value.id });

    const { page } = await browser.newPage({ width: 320, height: 420 });
    await page.goto(preview.page('overlay.html'));
    await page.getByText('Confirm the purpose with them').waitFor();
    await page.getByRole('button', { name: 'Confirm purpose' }).click();
    await page.getByRole('button', { name: 'Agreed' }).click();
    await page.getByText(/Purpose confirmed/).waitFor();

    const current = () => page.locator('[aria-current="step"]').innerText();
    expect(await current()).toContain('How they schedule now');
    await preview.call('nextAgendaItem', {}); // what the hotkey does
    await expect.poll(current).toContain('What it costs them');

    await preview.advanceClock(26 * 60_000); // 09:26 — four minutes left
    await expect.poll(() => page.getByRole('timer').innerText()).toMatch(/^26:\d\d/);
    await page.getByLabel('Ask for the next meeting').fill('thu 10am demo for their ops lead');
    await screenshot(page, 'overlay-ask-next');
    expect((await runAxe(page, 'overlay-ask-next')).blocking).toEqual([]);
    await page.getByRole('button', { name: 'Save note' }).click();

    const live = (await preview.call('getLive')) as Reply<{ meeting: { confirmations: { kind: string }[]; nextStepJot: string } }>;
    expect(live.ok && live.value.meeting.confirmations.map((c) => c.kind)).toEqual(['confirm']);
    expect(live.ok && live.value.meeting.nextStepJot).toBe('thu 10am demo for their ops lead');

    // Compact: one line, still showing where we are and the time.
    await page.getByRole('button', { name: 'Compact' }).click();
    await page.getByRole('button', { name: 'Expand' }).waitFor();
    await page.setViewportSize({ width: 640, height: 44 }); // the compact window's size (platform/windows/overlay.ts)
    await screenshot(page, 'overlay-compact');
    expect((await runAxe(page, 'overlay-compact')).blocking).toEqual([]);

    await preview.call('endCall', { meetingId: created.value.id });
    const wrapup = (await browser.newPage()).page;
    await wrapup.goto(preview.page('wrapup.html'));
    await expect.poll(() => wrapup.getByLabel('Next step', { exact: true }).inputValue()).toBe('demo for their ops lead');
    expect(await wrapup.getByLabel('When', { exact: true }).inputValue()).toBe('2026-03-05T10:00');
  });
});
