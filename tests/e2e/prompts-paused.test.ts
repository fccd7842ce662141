// Runs under vitest (e2e project), in Chromium against the browser preview with the REAL core: while the rep has
// paused the prompts (the tray's "Pause prompts for an hour"), the overlay says so — and until when — instead of
// going quietly blank; the answer hotkey (the same contract call) logs nothing; "Resume prompts" brings the due
// prompt back.
import { afterAll, beforeAll, expect, it } from 'vitest';
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

it('shows "Prompts paused until …" with a way to resume, and a paused prompt cannot be answered', async () => {
  const created = (await preview.call('createMeeting', {
    account: 'Globex',
    title: 'Discovery with Hank',
    start: START,
    end: '2026-03-02T09:30:00.000Z',
    purpose: 'Find out how Globex schedules its field engineers today',
  })) as Reply<{ id: string }>;
  if (!created.ok) throw new Error(JSON.stringify(created.error));
  await preview.call('startMeeting', { id: created.value.id });
  const paused = (await preview.call('pausePrompts', { minutes: 60 })) as Reply<{ pausedUntil: string }>;
  if (!paused.ok) throw new Error(JSON.stringify(paused.error));

  const { page } = await browser.newPage({ width: 320, height: 420 });
  await page.goto(preview.page('overlay.html'));
  const until = await page.evaluate((iso) => new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' }).format(new Date(iso)), paused.value.pausedUntil);
  await page.getByText(`Prompts paused until ${until}`).waitFor();
  expect(await page.getByText('Confirm the purpose with them').count()).toBe(0);
  await screenshot(page, 'overlay-prompts-paused');
  const report = await runAxe(page, 'overlay-prompts-paused');
  expect(report.blocking, report.text).toEqual([]);

  const answered = (await preview.call('answerPrompt', { answer: 'yes' })) as Reply<unknown>;
  expect(answered).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/^Prompts are paused/) } });

  await page.getByRole('button', { name: 'Resume prompts' }).click();
  await page.getByText('Confirm the purpose with them').waitFor();
  expect(await page.getByText(/Prompts paused/).count()).toBe(0);
});
