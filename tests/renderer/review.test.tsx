// The review window's Plan mode: meetings with their purpose (or a visible flag), starting a meeting, the pending
// wrap-up banner, and the new-meeting form showing the core's messages under its fields. (The other modes:
// review-modes.test.tsx.)
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MethodRawInput } from '../../shared/contract';
import type { ReviewView } from '../../shared/views';
import { ReviewApp } from '../../renderer/src/review/ReviewApp';
import { appState, meeting, thread } from './fixtures';
import { reviewDoc, reviewModesFor } from './review-fixtures';
import { button, byLabel, byRole, cleanup, click, description, fail, fakeBridge, installBridge, ok, render, settle, type, type FakeBridge } from './harness';

const NOW = Date.parse('2025-11-25T08:00:00.000Z');
let fake: FakeBridge;
let view: ReviewView;

beforeEach(() => {
  view = {
    threads: [thread],
    meetings: [
      meeting({ id: 'p1', status: 'planned', title: 'Demo for Acme', start: '2025-11-26T10:00:00.000Z', end: '2025-11-26T11:00:00.000Z', confirmations: [] }),
      meeting({ id: 'p2', status: 'planned', title: 'Pricing', purpose: '', start: '2025-11-27T10:00:00.000Z', end: '2025-11-27T10:30:00.000Z', confirmations: [] }),
    ],
    nextSteps: [],
    pendingWrapUpIds: [],
  };
  fake = fakeBridge();
  fake.answer('getState', () => ok(appState(NOW)));
  fake.answer('getReview', () => ok(view));
  fake.answer('getReviewModes', () => ok(reviewModesFor({ ...reviewDoc(), meetings: view.meetings, threads: view.threads, nextSteps: [] }, NOW)));
  installBridge(fake);
  location.hash = '#plan';
});

afterEach(cleanup);

const meetingItem = (title: string) =>
  [...document.querySelectorAll('li')].find((li) => li.querySelector('.meeting__title')?.textContent === title) as HTMLElement;

describe('review window: Plan', () => {
  it('flags a meeting without a purpose, and shows the purpose of the others', async () => {
    await render(<ReviewApp />);
    expect(meetingItem('Pricing').textContent).toContain('No purpose set');
    expect(meetingItem('Demo for Acme').textContent).toContain('Learn how Acme plans routes today');
    expect(meetingItem('Demo for Acme').textContent).not.toContain('No purpose set');
  });

  it('starts a meeting, then shows the overlay', async () => {
    await render(<ReviewApp />);
    await click(button('Start meeting: Pricing'));
    expect(fake.calls.filter(([n]) => n === 'startMeeting' || n === 'showWindow')).toEqual([
      ['startMeeting', { id: 'p2' }],
      ['showWindow', { window: 'overlay' }],
    ]);
  });

  it('shows a pending wrap-up banner that opens the wrap-up window', async () => {
    view = { ...view, meetings: [...view.meetings, meeting({ id: 'w1', title: 'Hooli check-in' })], pendingWrapUpIds: ['w1'] };
    fake.answer('getReviewModes', () => ok(reviewModesFor({ ...reviewDoc(), meetings: view.meetings, threads: view.threads, nextSteps: [] }, NOW)));
    await render(<ReviewApp />);
    const banner = byRole('status').find((el) => el.textContent?.includes('wrap-up pending'));
    expect(banner?.textContent).toContain('Hooli check-in');
    await click(button('Open wrap-up', banner));
    expect(fake.callsOf('showWindow')).toEqual([{ window: 'wrapup' }]);
  });

  it('shows the core’s messages under the new-meeting fields', async () => {
    fake.answer('createMeeting', () =>
      fail('Some fields need your attention.', {
        title: 'The meeting title is required.',
        account: 'Name the account (the prospect’s company) or pick a deal.',
        end: 'The meeting must end after it starts.',
        'agenda.0.minutes': 'Minutes must be at least 1.',
      }),
    );
    await render(<ReviewApp />);
    await type(byLabel('New agenda item'), 'Introductions');
    await type(byLabel('Minutes for the new item (optional)'), '0');
    await click(button('Add agenda item'));
    await click(button('Save meeting'));

    expect(description(byLabel('Account'))).toContain('Name the account');
    expect(description(byLabel('Meeting title'))).toContain('The meeting title is required.');
    expect(description(byLabel('Ends'))).toContain('The meeting must end after it starts.');
    expect(description(byLabel('Starts'))).toBe('');
    expect(description(button('Remove agenda item: Introductions'))).toContain('Minutes must be at least 1.');
    const summary = byRole('alert').find((el) => el.textContent?.includes('Some fields need your attention.'));
    // Listed, and focused, in the order the fields are on screen — not the order the core sent them.
    expect([...summary!.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'Name the account (the prospect’s company) or pick a deal.',
      'The meeting title is required.',
      'The meeting must end after it starts.',
      'Minutes must be at least 1.',
    ]);
    await act(() => new Promise<void>((resolve) => requestAnimationFrame(() => resolve())));
    expect(document.activeElement).toBe(byLabel('Account'));
  });

  it('stays built while another tab is shown: follows no change while away, then catches up once when back', async () => {
    await render(<ReviewApp />);
    const tab = (name: string) => byRole('tab').find((t) => t.textContent === name)!;
    expect(fake.callsOf('getReview')).toHaveLength(1);
    await click(tab('Today'));
    // Away, Plan is kept out of reach (inert) and asks for nothing, however many changes the store makes.
    expect(meetingItem('Demo for Acme').closest('[inert]')).not.toBeNull();
    view = { ...view, meetings: [...view.meetings, meeting({ id: 'p3', status: 'planned', title: 'Planned while away', start: '2025-11-28T10:00:00.000Z', end: '2025-11-28T10:30:00.000Z' })] };
    for (let revision = 1; revision <= 3; revision++) fake.emit('changed', { revision });
    await settle();
    expect(fake.callsOf('getReview')).toHaveLength(1);
    expect(meetingItem('Planned while away')).toBeUndefined();

    await click(tab('Plan'));
    expect(meetingItem('Demo for Acme').closest('[inert]')).toBeNull();
    await vi.waitFor(() => expect(meetingItem('Planned while away')).toBeDefined());
    expect(fake.callsOf('getReview')).toHaveLength(2);
  });

  it('creates a meeting with the agenda, default times half an hour apart, and the deal the account belongs to', async () => {
    fake.answer('createMeeting', (input) => ok(meeting({ ...(input as object), id: 'new' })));
    await render(<ReviewApp />);
    await type(byLabel('Account'), 'acme logistics');
    await type(byLabel('Meeting title'), 'Discovery');
    await type(byLabel('Purpose'), 'Learn how they plan routes');
    await type(byLabel('New agenda item'), 'How they do it today');
    await click(button('Add agenda item'));
    await type(byLabel('New agenda item'), 'Agree the next step');
    await click(button('Save meeting'));

    const [input] = fake.callsOf('createMeeting') as MethodRawInput<'createMeeting'>[];
    expect(input).toMatchObject({
      threadId: 't1',
      title: 'Discovery',
      stage: 'First meeting',
      purpose: 'Learn how they plan routes',
      agenda: [{ text: 'How they do it today' }, { text: 'Agree the next step' }],
    });
    expect(input).not.toHaveProperty('account');
    expect(Date.parse(input!.end) - Date.parse(input!.start)).toBe(30 * 60_000);
    expect(Date.parse(input!.start)).toBeGreaterThan(NOW);
    expect(new Date(input!.start).getMinutes() % 30).toBe(0);
    // The form is ready for the next one.
    expect(byLabel<HTMLInputElement>('Meeting title').value).toBe('');
  });
});
