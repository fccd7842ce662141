// Runs under vitest (e2e project): the whole call loop in Chromium against the browser preview with the REAL core and
// a real data folder. Plan a meeting in review -> start it -> overlay: purpose, agenda, confirm, tick, end call ->
// wrap-up: empty submit shows plain field messages, then log the next step -> review lists it -> the JSON on disk
// holds it. The same plain messages come back from a raw POST. Screenshots and axe for each window.
// Elements are found by role and accessible name (docs/UI-CONTRACT.md), never by CSS class.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Reply } from '../../shared/contract';
import { launchBrowser, runAxe, screenshot, startPreview, type AxeSummary, type Browser, type Preview, type WatchedPage } from './support';

const START = '2026-03-02T09:00:00.000Z'; // a Monday morning on the test clock (the browser runs in UTC)
const MEETING = {
  account: 'Northwind Traders',
  title: 'Discovery call with Dana',
  starts: '2026-03-02T09:30',
  ends: '2026-03-02T10:00',
  purpose: 'Find out whether late deliveries cost them enough to change their routing tool.',
  idealOutcome: 'Dana books a demo with her operations lead.',
  agenda: ['Their delivery process today', 'What late deliveries cost', 'Agree the next step'],
};
const STEP = {
  what: 'Demo of route planning for the operations team',
  purpose: 'Show route planning on their own depot data.',
  bring: 'A sample plan built from their depot list',
};

let preview: Preview;
let browser: Browser;
const axeReports: AxeSummary[] = [];
const pages: WatchedPage[] = [];
let meetingId = '';
/** The field messages the wrap-up showed for an empty submit, by contract field. */
const shownMessages: Record<string, string> = {};

/** `YYYY-MM-DDTHH:mm` for a datetime-local input, in UTC (the browser's zone here). */
const localInput = (ms: number) => new Date(ms).toISOString().slice(0, 16);

async function open(path: string, viewport?: { width: number; height: number }): Promise<Page> {
  const watched = await browser.newPage(viewport);
  pages.push(watched);
  await watched.page.goto(preview.page(path));
  return watched.page;
}

/** The text of the elements an element points at with aria-describedby. */
const description = (page: Page, id: string) =>
  page.evaluate((fieldId) => {
    const el = document.getElementById(fieldId);
    const ids = (el?.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
    return ids.map((d) => document.getElementById(d)?.textContent ?? '').join(' ');
  }, id);

async function checkAxe(page: Page, name: string) {
  const report = await runAxe(page, name);
  axeReports.push(report);
  console.log(report.text);
  expect(report.blocking, report.text).toEqual([]);
}

beforeAll(async () => {
  preview = await startPreview({ now: START });
  browser = await launchBrowser();
});

// The steps build on each other: after the first failure, save what every page shows and skip the rest.
let broken = false;
beforeEach((ctx) => {
  if (broken) ctx.skip();
});
afterEach(async (ctx) => {
  if (ctx.task.result?.state !== 'fail') return;
  broken = true;
  for (const [i, p] of pages.entries()) {
    if (p.page.isClosed()) continue;
    const path = await screenshot(p.page, `failure-${i}-${new URL(p.page.url()).pathname.slice(1).replace(/\W+/g, '_')}`).catch(() => '');
    console.log(`failure: ${p.page.url()} -> ${path}\n  problems: ${p.problems().join(' | ') || 'none'}`);
  }
  console.log(`preview stderr:\n${preview.stderr()}`);
});

afterAll(async () => {
  console.log(`axe summary:\n${axeReports.map((r) => r.text).join('\n') || '(axe did not run)'}`);
  await browser?.close();
  const code = await preview?.stop();
  expect(code).toBe(0);
});

describe('the call loop in the browser preview', () => {
  let review: Page;

  it('plans a meeting with purpose, ideal outcome and a 3-item agenda in review', async () => {
    review = await open('review.html');
    await expect.poll(() => review.getByRole('heading', { level: 1, name: 'Second Step' }).isVisible()).toBe(true);
    const form = review.getByRole('region', { name: 'New meeting' });
    await form.getByLabel('Account', { exact: true }).fill(MEETING.account);
    await form.getByLabel('Meeting title').fill(MEETING.title);
    await form.getByLabel('Starts').fill(MEETING.starts);
    await form.getByLabel('Ends').fill(MEETING.ends);
    await form.getByLabel('Purpose', { exact: true }).fill(MEETING.purpose);
    await form.getByLabel('Ideal outcome').fill(MEETING.idealOutcome);
    for (const item of MEETING.agenda) {
      await form.getByRole('textbox', { name: 'New agenda item' }).fill(item);
      await form.getByRole('button', { name: 'Add agenda item' }).click();
    }
    for (const item of MEETING.agenda) {
      expect(await form.getByRole('button', { name: `Remove agenda item: ${item}` }).isVisible()).toBe(true);
    }
    await form.getByRole('button', { name: 'Save meeting' }).click();

    const meetings = review.getByRole('region', { name: 'Meetings' });
    const item = meetings.getByRole('listitem').filter({ hasText: MEETING.title });
    await item.waitFor();
    const text = await item.textContent();
    expect(text).toContain(MEETING.account);
    expect(text).toContain(MEETING.purpose);
    expect(text).toContain('3 items');

    const reply = (await preview.call('getReview')) as Reply<{ meetings: { id: string; title: string; agenda: unknown[] }[] }>;
    expect(reply.ok).toBe(true);
    const meeting = reply.ok ? reply.value.meetings.find((m) => m.title === MEETING.title) : undefined;
    expect(meeting?.agenda).toHaveLength(3);
    meetingId = meeting!.id;
  });

  it('starts the meeting; the preview shows the overlay request as a banner', async () => {
    // UI contract: "Start meeting: <title>" (Chromium may put a space before the colon of a visually-hidden span).
    await review.getByRole('button', { name: new RegExp(`^Start meeting\\s?: ${MEETING.title}$`) }).click();
    const banner = review.getByRole('status', { name: 'Preview windows' });
    await expect.poll(() => banner.textContent()).toContain('Overlay window opened — Open it');
    expect(await banner.getByRole('link', { name: 'Open it' }).getAttribute('href')).toBe('/overlay.html');
  });

  it('shows purpose and agenda in the overlay (320x420); confirm purpose, agree, tick an item, end the call', async () => {
    const overlay = await open('overlay.html', { width: 320, height: 420 });
    const purpose = overlay.getByRole('region', { name: 'Purpose', exact: true });
    await expect.poll(() => purpose.textContent()).toContain(MEETING.purpose);
    const agenda = overlay.getByRole('list', { name: 'Agenda' });
    for (const item of MEETING.agenda) expect(await agenda.getByRole('checkbox', { name: item }).isVisible()).toBe(true);
    expect(await overlay.getByRole('timer').isVisible()).toBe(true);

    // Ten minutes into the call on the test clock: the timer follows the core's clock.
    await preview.advanceClock(10 * 60_000);
    await expect.poll(() => overlay.getByRole('timer').textContent()).toMatch(/\b1\d:\d\d\b/);

    await screenshot(overlay, 'overlay');
    await checkAxe(overlay, 'overlay');

    await overlay.getByRole('button', { name: 'Confirm purpose' }).click();
    await overlay.getByRole('button', { name: 'Agreed' }).click();
    await overlay.getByText('Purpose confirmed').waitFor();

    const first = agenda.getByRole('checkbox', { name: MEETING.agenda[0]! });
    // A controlled checkbox: it turns checked once the core answers, so click and wait rather than check().
    await first.click();
    await expect.poll(() => first.isChecked()).toBe(true);
    await expect
      .poll(async () => {
        const live = (await preview.call('getLive')) as Reply<{ meeting: { agenda: { done: boolean }[] } } | null>;
        return live.ok ? live.value?.meeting.agenda.map((a) => a.done) : null;
      })
      .toEqual([true, false, false]);

    await overlay.getByRole('button', { name: 'End call' }).click();
    await overlay.getByText('No call in progress').waitFor();
    // The core asks for the wrap-up window: the other pages say so.
    await expect.poll(() => review.getByRole('status', { name: 'Preview windows' }).textContent()).toContain('Wrap-up window opened — Open it');
  });

  it('wrap-up: an empty "Log next step" shows plain messages under the fields; then logs a real step', async () => {
    const wrapup = await open('wrapup.html');
    await wrapup.getByRole('heading', { name: `Wrap up: ${MEETING.title}` }).waitFor();
    expect(await wrapup.getByText('This window stays until the next step is logged — or the deal is closed out.').isVisible()).toBe(true);

    await wrapup.getByRole('button', { name: 'Log next step' }).click();
    const summary = wrapup.getByRole('alert').first();
    await summary.waitFor();
    for (const [field, label] of [
      ['what', 'Next step'],
      ['when', 'When'],
      ['purpose', 'Its point'],
    ] as const) {
      const input = wrapup.getByLabel(label, { exact: true });
      await expect.poll(() => input.getAttribute('aria-invalid'), { message: label }).toBe('true');
      const id = (await input.getAttribute('id'))!;
      await expect.poll(() => description(wrapup, id), { message: label }).toMatch(/required/i);
      shownMessages[field] = await description(wrapup, id);
      // …and the message is visible on screen, not only to assistive tech.
      expect(await wrapup.getByText(shownMessages[field]!.match(/[^.]*required\./i)![0].trim(), { exact: false }).first().isVisible(), label).toBe(true);
    }
    expect(shownMessages.what).toContain('What happens next is required.');
    expect(shownMessages.when).toContain('The date and time of the next step is required.');
    expect(shownMessages.purpose).toContain('The point of the next step is required.');
    await screenshot(wrapup, 'wrapup-field-messages');
    await checkAxe(wrapup, 'wrapup (with field messages)');

    // When: two days on from the core's (test) clock, 14:00.
    const now = await preview.now();
    const day = new Date(now + 2 * 86_400_000);
    day.setUTCHours(14, 0, 0, 0);
    const when = localInput(day.getTime());

    await wrapup.getByLabel('Next step', { exact: true }).fill(STEP.what);
    await wrapup.getByLabel('Kind').selectOption({ label: 'Demo' });
    await wrapup.getByLabel('When', { exact: true }).fill(when);
    await wrapup.getByLabel('Duration (minutes)').fill('45');
    await wrapup.getByRole('radiogroup', { name: 'Owner' }).getByRole('radio', { name: 'Both' }).check();
    await wrapup.getByLabel('Its point').fill(STEP.purpose);
    await wrapup.getByLabel("I'll bring").fill(STEP.bring);
    await wrapup.getByRole('checkbox', { name: 'The prospect agreed on the call' }).check();
    await wrapup.getByRole('radiogroup', { name: 'Outcome vs ideal' }).getByRole('radio', { name: 'Achieved' }).check();
    await screenshot(wrapup, 'wrapup');
    await checkAxe(wrapup, 'wrapup');

    await wrapup.getByRole('button', { name: 'Log next step' }).click();
    await wrapup.getByText('Nothing to wrap up').waitFor();
    expect(await wrapup.getByRole('status').filter({ hasText: 'Next step logged' }).isVisible()).toBe(true);
  });

  it('review lists the next step, and the JSON file on disk holds it', async () => {
    const steps = review.getByRole('region', { name: 'Next steps' });
    const item = steps.getByRole('listitem').filter({ hasText: STEP.what });
    await item.waitFor();
    const text = (await item.textContent()) ?? '';
    expect(text).toContain('Demo');
    expect(text).toMatch(/Agreed/);
    // The weekday and date of "when" (Wednesday 4 March on this clock).
    expect(text).toMatch(/Wed/);
    expect(text).toMatch(/\b4\b/);
    await screenshot(review, 'review');
    await checkAxe(review, 'review');

    const { file, data } = await preview.readStore();
    const doc = data as { nextSteps: { what: string; kind: string; when: string; agreed: boolean; fromMeetingId: string; owner: string }[] };
    const stored = doc.nextSteps.find((s) => s.what === STEP.what);
    expect(stored, `next step in ${file}`).toMatchObject({ kind: 'demo', agreed: true, owner: 'both', fromMeetingId: meetingId });
    expect(stored!.when.slice(0, 16)).toBe(
      (() => {
        const d = new Date(Date.parse(START) + 2 * 86_400_000);
        d.setUTCHours(14, 0, 0, 0);
        return d.toISOString().slice(0, 16);
      })(),
    );
  });

  it('a raw POST of an empty step to /api/logNextStep (token read same-origin from bridge.js) gets the same plain messages', async () => {
    const page = review;
    const reply = await page.evaluate(async (id) => {
      const script = await (await fetch('/__preview/bridge.js')).text();
      const token = /"token":"([0-9a-f]{64})"/.exec(script)?.[1] ?? '';
      const res = await fetch('/api/logNextStep', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-second-step-token': token },
        body: JSON.stringify({ meetingId: id, kind: 'meeting', owner: 'both', agreed: false, what: '', when: '', purpose: '' }),
      });
      return { status: res.status, body: (await res.json()) as Reply<unknown> };
    }, meetingId);
    expect(reply.status).toBe(200);
    expect(reply.body.ok).toBe(false);
    if (reply.body.ok) return;
    expect(reply.body.error.code).toBe('invalid');
    for (const field of ['what', 'when', 'purpose']) {
      const sent = reply.body.error.fields?.[field];
      expect(sent, field).toBeTruthy();
      expect(shownMessages[field], field).toContain(sent);
    }

    // And without the token the same request is refused outright.
    const refused = await page.evaluate(async () => {
      const res = await fetch('/api/logNextStep', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      return res.status;
    });
    expect(refused).toBe(403);
  });

  it('ran every page without a CSP violation or page error', () => {
    for (const p of pages) {
      expect(p.cspViolations()).toEqual([]);
      expect(p.problems().filter((s) => s.startsWith('pageerror'))).toEqual([]);
    }
  });
});
