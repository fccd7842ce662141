// The review window's modes in jsdom, fed what the real rules compute for a small day (review-fixtures.ts): the tabs
// (names with counts, arrow keys), Today, Follow-ups (done, missed, reschedule with the core's messages), Tomorrow's
// one-click prep through updateMeeting, Metrics' charts and table, and "Mark today as reviewed".
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodRawInput } from '../../shared/contract';
import { ReviewApp } from '../../renderer/src/review/ReviewApp';
import { appState } from './fixtures';
import { accessibleName, button, byLabel, byRole, cleanup, click, description, fail, fakeBridge, installBridge, key, ok, render, type, type FakeBridge } from './harness';
import { REVIEW_NOW, reviewModesFor } from './review-fixtures';

let fake: FakeBridge;

beforeEach(() => {
  fake = fakeBridge();
  fake.answer('getState', () => ok(appState(REVIEW_NOW)));
  fake.answer('getReviewModes', () => ok(reviewModesFor()));
  fake.answer('getReview', () => ok({ threads: [], meetings: [], nextSteps: [], pendingWrapUpIds: [] }));
  installBridge(fake);
  location.hash = '';
});
afterEach(cleanup);

const tabs = () => byRole('tab');
const tab = (name: RegExp) => tabs().find((t) => name.test(accessibleName(t)))!;
const panel = () => byRole('tabpanel')[0]!;

describe('review tabs', () => {
  it('names each tab with what needs doing, and opens on Today', async () => {
    await render(<ReviewApp />);
    expect(byRole('tablist')[0]!.getAttribute('aria-label')).toBe('Review');
    expect(tabs().map(accessibleName)).toEqual(['Today', 'Follow-ups 2 due', 'Threads 2 stalled', 'Tomorrow 1 unprepared', 'Metrics', 'Plan', 'Settings']);
    expect(tab(/^Today/).getAttribute('aria-selected')).toBe('true');
    expect(panel().getAttribute('aria-labelledby')).toBe(tab(/^Today/).id);
    // One Tab stop: the selected tab.
    expect(tabs().map((t) => t.tabIndex)).toEqual([0, -1, -1, -1, -1, -1, -1]);
  });

  it('moves between tabs with the arrow keys, Home and End — focus and selection together, wrapping', async () => {
    await render(<ReviewApp />);
    tab(/^Today/).focus();
    await key(document.activeElement as HTMLElement, { key: 'ArrowRight' });
    expect(accessibleName(document.activeElement!)).toBe('Follow-ups 2 due');
    expect(document.activeElement!.getAttribute('aria-selected')).toBe('true');
    expect(panel().textContent).toContain('Due today');
    await key(document.activeElement as HTMLElement, { key: 'End' });
    expect(accessibleName(document.activeElement!)).toBe('Settings');
    await key(document.activeElement as HTMLElement, { key: 'ArrowRight' });
    expect(accessibleName(document.activeElement!)).toBe('Today');
    await key(document.activeElement as HTMLElement, { key: 'ArrowLeft' });
    expect(accessibleName(document.activeElement!)).toBe('Settings');
    await key(document.activeElement as HTMLElement, { key: 'Home' });
    expect(accessibleName(document.activeElement!)).toBe('Today');
    expect(location.hash).toBe('#today');
  });

  it('opens on the tab in the address', async () => {
    location.hash = '#metrics';
    await render(<ReviewApp />);
    expect(tab(/^Metrics/).getAttribute('aria-selected')).toBe('true');
  });
});

describe('Today', () => {
  it('shows each call with purpose, confirmations and how it ended — and the wrap-up still to do', async () => {
    await render(<ReviewApp />);
    const rows = [...panel().querySelectorAll('tbody tr')].map((r) => r.textContent ?? '');
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatch(/Hooli pricing.*Purpose set.*Confirmed \d\d:\d\d.*Re-confirmed \d\d:\d\d.*Proposal walkthrough.*Agreed on the call/);
    expect(rows[1]).toMatch(/Globex discovery.*Purpose set.*Confirmed.*Not re-confirmed.*Wrap-up pending/);
    expect(rows[2]).toMatch(/Initech review.*Confirm it on the call.*Coming up/);
    expect(panel().querySelector('.tiles')?.textContent).toContain('Wrap-ups still to do1');
    await click(button('Wrap up: Globex discovery'));
    expect(fake.callsOf('showWindow')).toEqual([{ window: 'wrapup' }]);
  });
});

describe('Follow-ups', () => {
  beforeEach(() => {
    location.hash = '#follow-ups';
  });

  it('lists due today, overdue (days late, moved once with its reason) and upcoming', async () => {
    await render(<ReviewApp />);
    const section = (name: string) => [...panel().querySelectorAll('section')].find((s) => s.querySelector('h3')?.textContent?.startsWith(name))!;
    expect(section('Due today').textContent).toContain('Send Initech the case study');
    expect(section('Overdue').textContent).toMatch(/Send Stark the pilot plan.*3 days late/);
    expect(section('Overdue').textContent).toContain('Moved once — last because: Their CFO was away');
    expect(section('Upcoming').textContent).toContain('Proposal walkthrough');
  });

  it('marks a step done or missed through the core, and says so', async () => {
    await render(<ReviewApp />);
    await click(button('Done: Send Initech the case study'));
    expect(fake.callsOf('markFollowUp')).toEqual([{ nextStepId: 's-today', status: 'done' }]);
    expect(byRole('status').some((s) => s.textContent === 'Marked done: Send Initech the case study.')).toBe(true);
    await click(button('Missed: Send Stark the pilot plan'));
    expect(fake.callsOf('markFollowUp')).toContainEqual({ nextStepId: 's-late', status: 'missed' });
  });

  it('reschedules with a new date and a reason, and shows the core’s messages under the fields', async () => {
    fake.answer('rescheduleFollowUp', () => fail('Some fields need your attention.', { reason: 'A reason is required.' }));
    await render(<ReviewApp />);
    await click(button('Reschedule… Send Stark the pilot plan'));
    const when = byLabel<HTMLInputElement>('New date and time');
    expect(when.value).not.toBe('');
    await type(when, '2025-12-02T10:00');
    await click(button('Save new date'));
    expect(description(byLabel('Why it moved'))).toContain('A reason is required.');

    fake.answer('rescheduleFollowUp', (input) => ok({ step: { ...(input as object), what: 'Send Stark the pilot plan', when: (input as { when: string }).when }, plannedMeeting: null }));
    await type(byLabel('Why it moved'), 'They asked for next week');
    await click(button('Save new date'));
    const calls = fake.callsOf('rescheduleFollowUp') as MethodRawInput<'rescheduleFollowUp'>[];
    expect(calls.at(-1)).toEqual({ nextStepId: 's-late', when: new Date(2025, 11, 2, 10, 0).toISOString(), reason: 'They asked for next week' });
    expect(byRole('status').some((s) => s.textContent?.startsWith('Moved “Send Stark the pilot plan” to'))).toBe(true);
  });
});

describe('Tomorrow', () => {
  it('puts the unprepared call first, and Prep opens its form in place, saving through updateMeeting', async () => {
    location.hash = '#tomorrow';
    fake.answer('updateMeeting', (input) => ok(input));
    await render(<ReviewApp />);
    const items = [...panel().querySelectorAll('li.prep')].map((li) => li.textContent ?? '');
    expect(items[0]).toMatch(/Proposal walkthrough.*No purpose.*No agenda/);
    expect(items[1]).toMatch(/Demo for Initech.*✓ Purpose.*✓ Ideal outcome.*✓ Agenda: 3 items/);
    expect(items[1]).not.toMatch(/No purpose/);
    const prep = button('Prep: Proposal walkthrough');
    await click(prep);
    expect(prep.getAttribute('aria-expanded')).toBe('true');
    expect(document.getElementById(prep.getAttribute('aria-controls')!)?.getAttribute('aria-labelledby')).toBe('prep-m-tomorrow-1-heading');
    expect(document.getElementById('prep-m-tomorrow-1-heading')?.textContent).toBe('Prep: Proposal walkthrough');
    await type(byLabel('Purpose'), 'Walk them through the proposal and check it answers their needs');
    await type(byLabel('New agenda item'), 'Recap their needs');
    await click(button('Save prep'));
    const [input] = fake.callsOf('updateMeeting') as MethodRawInput<'updateMeeting'>[];
    expect(input).toMatchObject({ id: 'm-tomorrow-1', purpose: 'Walk them through the proposal and check it answers their needs', agenda: [{ text: 'Recap their needs' }] });
    await click(button('Close'));
    expect(prep.getAttribute('aria-expanded')).toBe('false');
  });
});

describe('Metrics', () => {
  it('draws each metric as an image with a text alternative, and lists every number in a table', async () => {
    location.hash = '#metrics';
    await render(<ReviewApp />);
    const charts = [...panel().querySelectorAll('svg[role="img"]')];
    expect(charts).toHaveLength(6);
    const names = charts.map((c) => (c.getAttribute('aria-labelledby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent).join(' '));
    expect(names[0]).toMatch(/^Purpose confirmed, by week Purpose confirmed by week, Week of .* to Week of .*: lowest \d+%, highest \d+%, this week so far \d+%\.$/);
    expect(panel().querySelector('table caption')?.textContent).toBe('Metrics by week, newest first');
    expect(panel().querySelectorAll('tbody tr')).toHaveLength(52);
    await click([...panel().querySelectorAll<HTMLInputElement>('input[type="radio"]')].find((r) => r.closest('label')?.textContent === 'Month')!);
    expect(panel().querySelector('table caption')?.textContent).toBe('Metrics by month, newest first');
    expect(panel().querySelectorAll('tbody tr')).toHaveLength(12);
  });
});

describe('review memory', () => {
  it('marks today as reviewed for the rep’s own day', async () => {
    fake.answer('markReviewed', () => ok({ lastDay: '2025-11-25', at: new Date(REVIEW_NOW).toISOString(), today: true }));
    await render(<ReviewApp />);
    await click(button('Mark today as reviewed'));
    expect(fake.callsOf('markReviewed')).toEqual([{ day: reviewModesFor().today.day, timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone }]);
  });
});
