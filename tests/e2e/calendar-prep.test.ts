// Runs under vitest (e2e project), in Chromium against the browser preview with the REAL core, keyboard only: the rep
// makes the first-meeting template their own (Settings › Stage templates), adds a Google-style ICS export by its path
// (a VTIMEZONE, a weekly series, a one-off call tomorrow), sees its calls under Today and Tomorrow, preps tomorrow's
// call from the template, restarts the app on the same data and finds the prep intact, then the calendar moves the call
// by an hour (same UID) — the watched file is rewritten — and the meeting shows the new time with its prep kept.
import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Meeting, Settings, StoreDocument } from '../../shared/domain';
import { launchBrowser, runAxe, screenshot, startPreview, type Browser, type Preview, type WatchedPage } from './support';

const NOW = '2026-11-24T07:00:00.000Z'; // Tuesday, 08:00 in Berlin (the browser runs in UTC)
const TODAY = NOW.slice(0, 10).replace(/-/g, '');
const TOMORROW = '20261125';
const THREE_WEEKS_AGO = '20261103'; // a Tuesday: the weekly series' first meeting
const CALL = 'Discovery call – Globex';
const SERIES = 'Acme weekly sync';
const PURPOSE = 'Learn how Globex plans its routes and whether a second meeting makes sense';
const OWN_ITEM = 'Their route planning today';

/** A Google Calendar export: CRLF lines, folded long lines, the zone spelled out, a weekly series and a one-off call. */
function googleExport(callStartBerlin: string, callEndBerlin: string): string {
  return [
    'BEGIN:VCALENDAR',
    'PRODID:-//Google Inc//Google Calendar 70.9054//EN',
    'VERSION:2.0',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'X-WR-CALNAME:robin@ourco.com',
    'X-WR-TIMEZONE:Europe/Berlin',
    'BEGIN:VTIMEZONE',
    'TZID:Europe/Berlin',
    'X-LIC-LOCATION:Europe/Berlin',
    'BEGIN:DAYLIGHT',
    'TZOFFSETFROM:+0100',
    'TZOFFSETTO:+0200',
    'TZNAME:CEST',
    'DTSTART:19700329T020000',
    'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
    'END:DAYLIGHT',
    'BEGIN:STANDARD',
    'TZOFFSETFROM:+0200',
    'TZOFFSETTO:+0100',
    'TZNAME:CET',
    'DTSTART:19701025T030000',
    'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
    'END:STANDARD',
    'END:VTIMEZONE',
    'BEGIN:VEVENT',
    `DTSTART;TZID=Europe/Berlin:${THREE_WEEKS_AGO}T100000`,
    `DTEND;TZID=Europe/Berlin:${THREE_WEEKS_AGO}T103000`,
    'RRULE:FREQ=WEEKLY;BYDAY=TU',
    'DTSTAMP:20261120T080000Z',
    'ORGANIZER;CN=Robin Rep:mailto:robin@ourco.com',
    'UID:7kq3m2v8s1acme0weekly@google.com',
    'ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN=Robin ',
    ' Rep;X-NUM-GUESTS=0:mailto:robin@ourco.com',
    'ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN=dana@a',
    ' cme.com;X-NUM-GUESTS=0:mailto:dana@acme.com',
    'X-GOOGLE-CONFERENCE:https://meet.google.com/abc-defg-hij',
    'DESCRIPTION:Weekly rollout check-in with Acme.\\n\\nJoin with Google Meet: ht',
    ' tps://meet.google.com/abc-defg-hij',
    'SEQUENCE:2',
    'STATUS:CONFIRMED',
    `SUMMARY:${SERIES}`,
    'END:VEVENT',
    'BEGIN:VEVENT',
    `DTSTART;TZID=Europe/Berlin:${callStartBerlin}`,
    `DTEND;TZID=Europe/Berlin:${callEndBerlin}`,
    'DTSTAMP:20261120T080000Z',
    'ORGANIZER;CN=Robin Rep:mailto:robin@ourco.com',
    'UID:3fj2l0globex1discovery@google.com',
    'ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;CN=Sa',
    ' m Lee;X-NUM-GUESTS=0:mailto:sam.lee@globex.io',
    'ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN=Robin ',
    ' Rep;X-NUM-GUESTS=0:mailto:robin@ourco.com',
    'LOCATION:https://us02web.zoom.us/j/81234567890',
    'SEQUENCE:0',
    'STATUS:CONFIRMED',
    `SUMMARY:${CALL}`,
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}

let preview: Preview;
let browser: Browser;
let watched: WatchedPage;
let page: Page;
let dataDir: string;
let icsDir: string;
let icsPath: string;

const store = async () => (await preview.readStore()).data as StoreDocument;
const settingsOnDisk = async () => (await store()).settings as Settings;
const callOnDisk = async (): Promise<Meeting | undefined> => (await store()).meetings.find((m) => m.title === CALL);

/** The review's mode on screen: the modes shown before stay built but inert (Plan's new-meeting form has a Stage
 * field and an agenda editor too), and a user — keyboard, pointer or screen reader — reaches only this one. */
const shownMode = () => page.locator('.mode-slot:not([inert])');

/** Selects a review tab the way a keyboard user does: focus the tab list, then Home and the arrow keys. */
async function openTab(name: RegExp) {
  const selected = page.getByRole('tab', { selected: true });
  await selected.focus();
  await page.keyboard.press('Home');
  for (let i = 0; i < 8 && !(await page.getByRole('tab', { name, selected: true }).count()); i++) await page.keyboard.press('ArrowRight');
  expect(await page.getByRole('tab', { name, selected: true }).count()).toBe(1);
}

async function checkAxe(name: string) {
  const report = await runAxe(page, name);
  expect(report.blocking, report.text).toEqual([]);
}

async function openReview(tab: string) {
  watched = await browser.newPage({ width: 1280, height: 900 });
  page = watched.page;
  await page.goto(preview.page(`review.html#${tab}`));
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'second-step-e2e-calendar-'));
  icsDir = await mkdtemp(join(tmpdir(), 'second-step-e2e-ics-'));
  icsPath = join(icsDir, 'robin@ourco.com.ics');
  await writeFile(icsPath, googleExport(`${TOMORROW}T140000`, `${TOMORROW}T143000`));
  preview = await startPreview({ now: NOW, dataDir });
  browser = await launchBrowser();
  await openReview('settings');
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state !== 'fail' || page.isClosed()) return;
  console.log(`failure -> ${await screenshot(page, `failure-calendar-prep-${ctx.task.name.slice(0, 30).replace(/\W+/g, '_')}`)}`);
  console.log(`problems: ${watched.problems().join(' | ') || 'none'}\npreview stderr:\n${preview.stderr()}`);
});

afterAll(async () => {
  await browser?.close();
  await preview?.stop();
  await rm(dataDir, { recursive: true, force: true });
  await rm(icsDir, { recursive: true, force: true });
});

describe('a calendar by path, prepped from a template, through a restart and a moved event', () => {
  it('makes the first-meeting agenda the rep’s own, with the keyboard alone', async () => {
    // Their own company's domain first, so a calendar's colleagues are never taken for a prospect.
    await page.getByLabel('Email domains of your company').focus();
    await page.keyboard.type('ourco.com');
    await page.getByRole('button', { name: 'Save email domains' }).press('Enter');
    await expect.poll(async () => (await settingsOnDisk()).ownDomains).toEqual(['ourco.com']);

        const templates = shownMode().getByRole('region', { name: 'Stage templates' });
    await templates.waitFor();
    const stage = templates.getByLabel('Stage', { exact: true });
    expect(await stage.inputValue()).toBe('First meeting');
    await shownMode().getByLabel('New agenda item').focus();
    await page.keyboard.type(OWN_ITEM);
    await page.keyboard.press('Tab');
    await page.keyboard.type('10');
    await page.keyboard.press('Enter');
    // From last to second: focus stays on the moved item, so Enter keeps moving it.
    await shownMode().getByRole('button', { name: `Move up: ${OWN_ITEM}` }).press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    const items = () => page.locator('.stage-templates .agenda-editor__text').allTextContents();
    await expect.poll(items).toEqual(['Introductions and why we are meeting', OWN_ITEM, 'How they do it today', 'What gets in the way', 'Agree the next step']);
    await screenshot(page, 'calendar-prep-stage-template');
    await checkAxe('settings (stage template edited)');
    await shownMode().getByRole('button', { name: 'Save the First meeting agenda' }).press('Enter');
    await expect.poll(async () => (await settingsOnDisk()).stageTemplates['First meeting']?.map((i) => i.text)).toEqual(await items());
    expect((await settingsOnDisk()).stageTemplates['First meeting']?.[1]).toEqual({ text: OWN_ITEM, minutes: 10 });
  });

  it('adds the ICS file by its path and shows its calls under Today and Tomorrow', async () => {
    await shownMode().getByLabel('File path or web address').focus();
    await page.keyboard.type(icsPath);
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: /Added robin@ourco\.com/ }).waitFor();
    await screenshot(page, 'calendar-prep-added');
    const meetings = (await store()).meetings;
    // Today's and tomorrow's calls, at Berlin's times shown in UTC (the browser's zone).
    expect(meetings.find((m) => m.title === SERIES && m.start.startsWith(NOW.slice(0, 10)))?.start).toBe('2026-11-24T09:00:00.000Z');
    expect((await callOnDisk())?.start).toBe('2026-11-25T13:00:00.000Z');

    await openTab(/^Today/);
    const today = shownMode().getByRole('row').filter({ hasText: SERIES });
    await today.waitFor();
    expect(await today.textContent()).toContain('9:00');
    await openTab(/^Tomorrow/);
    const call = shownMode().getByRole('listitem').filter({ hasText: CALL }).first();
    await call.waitFor();
    expect(await call.textContent()).toMatch(/1:00 PM.*Globex · First meeting.*No purpose set.*No agenda/);
    await screenshot(page, 'calendar-prep-tomorrow');
    await checkAxe('review tomorrow (calendar calls)');
    expect(TODAY).toBe('20261124');
  });

  it('preps tomorrow’s call from the template, keyboard only', async () => {
    await shownMode().getByRole('button', { name: new RegExp(`^Prep\\s?: ${CALL}$`) }).press('Enter');
    const form = shownMode().getByRole('region', { name: `Prep: ${CALL}` });
    // Focus is in the form; Tab on to the purpose.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id ?? '')).toMatch(/-title$/);
    await form.getByLabel('Purpose', { exact: true }).focus();
    await page.keyboard.type(PURPOSE);
    await form.getByRole('button', { name: /^Use the First meeting agenda \(5 items\)$/ }).press('Enter');
    await expect.poll(() => form.locator('.agenda-editor__text').allTextContents()).toContain(OWN_ITEM);
    await screenshot(page, 'calendar-prep-form');
    await checkAxe('review tomorrow (prep open)');
    await form.getByRole('button', { name: 'Save prep' }).press('Enter');
    await form.getByText(`Saved the prep for “${CALL}”.`).waitFor();
    const saved = await callOnDisk();
    expect(saved?.purpose).toBe(PURPOSE);
    expect(saved?.agenda.map((a) => a.text)).toEqual(['Introductions and why we are meeting', OWN_ITEM, 'How they do it today', 'What gets in the way', 'Agree the next step']);
    expect(saved?.agenda[1]?.minutes).toBe(10);
  });

  it('finds the prep intact after a restart on the same data', async () => {
    const before = await callOnDisk();
    await page.close();
    await preview.stop();
    preview = await startPreview({ now: NOW, dataDir });
    await openReview('plan');
    const call = shownMode().getByRole('listitem').filter({ has: page.getByRole('heading', { name: CALL }) });
    await call.waitFor();
    expect(await call.textContent()).toMatch(/✓ Purpose.*Agenda: 5 items.*Learn how Globex plans/);
    await screenshot(page, 'calendar-prep-after-restart');
    await checkAxe('review plan (after restart)');
    // The restart's own sync changed nothing the rep wrote.
    expect(await callOnDisk()).toEqual(before);
  });

  it('moves the call an hour when the calendar does, keeping its purpose and agenda', async () => {
    const before = (await callOnDisk())!;
    // Saved the way calendar apps save: a new file renamed over the old one (the watcher sees the folder).
    await writeFile(`${icsPath}.tmp`, googleExport(`${TOMORROW}T150000`, `${TOMORROW}T153000`));
    await rename(`${icsPath}.tmp`, icsPath);
    await expect.poll(async () => (await callOnDisk())?.start, { timeout: 10_000 }).toBe('2026-11-25T14:00:00.000Z');
    const moved = (await callOnDisk())!;
    expect(moved.id).toBe(before.id);
    expect(moved.purpose).toBe(PURPOSE);
    expect(moved.agenda).toEqual(before.agenda);
    expect((await store()).meetings.filter((m) => m.title === CALL)).toHaveLength(1);

    const call = shownMode().getByRole('listitem').filter({ has: page.getByRole('heading', { name: CALL }) });
    await expect.poll(() => call.textContent()).toMatch(/0?2:00 PM–0?2:30 PM.*✓ Purpose.*Agenda: 5 items/);
    await screenshot(page, 'calendar-prep-moved');
    expect(watched.problems()).toEqual([]);
  });
});
