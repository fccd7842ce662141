// The overlay: elapsed time from the core's clock against the planned minutes, agenda checkboxes that call the core,
// the confirm-purpose moment, End call, and the idle text.
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Meeting } from '../../shared/domain';
import type { LiveView } from '../../shared/views';
import { OverlayApp } from '../../renderer/src/overlay/OverlayApp';
import { appState, meeting, thread } from './fixtures';
import { button, byLabel, byRole, cleanup, click, fakeBridge, installBridge, ok, pageText, queryButton, render, type, type FakeBridge } from './harness';

const STARTED = Date.parse('2025-11-25T09:01:00.000Z');
const HOTKEYS = {
  toggleOverlay: 'Control+Alt+O',
  confirmPurpose: 'Control+Alt+C',
  reconfirmPurpose: 'Control+Alt+R',
  nextAgendaItem: 'Control+Alt+N',
  toggleClickThrough: 'Control+Alt+T',
  endCall: 'Control+Alt+E',
  startNextMeeting: 'Control+Alt+S',
  openReview: 'Control+Alt+V',
  answerYes: 'Control+Alt+Y',
  snoozePrompt: 'Control+Alt+L',
};
const liveView = (overrides: Partial<LiveView> = {}): LiveView => ({ meeting: live, thread, waitingWrapUps: 2, prompt: null, hotkeys: HOTKEYS, compact: false, promptsPausedUntil: null, ...overrides });
let fake: FakeBridge;
let live: Meeting;

beforeEach(() => {
  vi.useFakeTimers({ now: Date.parse('2020-01-01T00:00:00.000Z'), toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  live = meeting({ status: 'live', confirmations: [], endedAt: undefined });
  fake = fakeBridge();
  fake.answer('getState', () => ok(appState(STARTED + 12 * 60_000 + 4_000)));
  fake.answer('getLive', () => ok(liveView()));
  installBridge(fake);
});

afterEach(async () => {
  await cleanup();
  vi.useRealTimers();
});

describe('overlay', () => {
  it('shows title · account, the purpose, the ideal outcome and waiting wrap-ups', async () => {
    await render(<OverlayApp />);
    expect(pageText()).toContain('Discovery with Acme · Acme Logistics');
    expect(document.querySelector('[aria-labelledby="ov-purpose"]')?.textContent).toContain('Learn how Acme plans routes today');
    expect(pageText()).toContain('A demo with their ops lead');
    expect(pageText()).toContain('2 wrap-ups waiting');
  });

  it('runs the timer on the core clock (not the local one), elapsed / planned', async () => {
    await render(<OverlayApp />);
    const [timer] = byRole('timer');
    expect(timer?.textContent).toBe('12:04 / 30 min');
    await act(async () => vi.advanceTimersByTimeAsync(1000));
    expect(timer?.textContent).toBe('12:05 / 30 min');
  });

  it('rolls the timer past an hour into h:mm:ss, widening its fixed-size box so no digit is clipped', async () => {
    fake.answer('getState', () => ok(appState(STARTED + 59 * 60_000 + 59_000)));
    await render(<OverlayApp />);
    const [timer] = byRole('timer');
    const elapsed = timer?.querySelector('.overlay__elapsed');
    expect(timer?.textContent).toBe('59:59 / 30 min');
    expect(elapsed?.classList.contains('overlay__elapsed--hours')).toBe(false);
    await act(async () => vi.advanceTimersByTimeAsync(1000));
    expect(timer?.textContent).toBe('1:00:00 / 30 min');
    // overlay.css gives the contained box 7ch instead of 5ch through this class (contain: strict clips overflow).
    expect(elapsed?.classList.contains('overlay__elapsed--hours')).toBe(true);
    await act(async () => vi.advanceTimersByTimeAsync(1000));
    expect(timer?.textContent).toBe('1:00:01 / 30 min');
  });

  it('ticks an agenda item through the core and marks the first open item as current', async () => {
    fake.answer('setAgendaItemDone', () => {
      live = { ...live, agenda: live.agenda.map((a) => (a.id === 'a2' ? { ...a, done: true } : a)) };
      return ok(live);
    });
    await render(<OverlayApp />);
    const pain = byLabel<HTMLInputElement>('Pain points');
    expect(pain.closest('li')?.getAttribute('aria-current')).toBe('step');
    await click(pain);
    expect(fake.callsOf('setAgendaItemDone')).toEqual([{ meetingId: 'm1', itemId: 'a2', done: true }]);
    expect(byLabel<HTMLInputElement>('Pain points').checked).toBe(true);
    expect(byLabel('Agree the next step').closest('li')?.getAttribute('aria-current')).toBe('step');
  });

  it('confirms the purpose as agreed, then shows when', async () => {
    fake.answer('confirmPurpose', () => {
      live = { ...live, confirmations: [{ kind: 'confirm', at: '2025-11-25T09:06:00.000Z', result: 'agreed' }] };
      return ok(live);
    });
    await render(<OverlayApp />);
    expect(queryButton('Agreed')).toBeNull();
    await click(button('Confirm purpose'));
    await click(button('Agreed'));
    expect(fake.callsOf('confirmPurpose')).toEqual([{ meetingId: 'm1', kind: 'confirm', result: 'agreed' }]);
    expect(pageText()).toMatch(/Purpose confirmed \d{1,2}[:.]\d{2}/);
    expect(queryButton('Confirm purpose')).toBeNull();
  });

  it('records an adjusted purpose with the words the rep typed', async () => {
    await render(<OverlayApp />);
    await click(button('Confirm purpose'));
    await click(button('Adjusted…'));
    await type(byLabel('Adjusted purpose'), 'Size their peak-season problem');
    await click(button('Save adjusted purpose'));
    expect(fake.callsOf('confirmPurpose')).toEqual([
      { meetingId: 'm1', kind: 'confirm', result: 'adjusted', adjustedPurpose: 'Size their peak-season problem' },
    ]);
  });

  it('ends the call', async () => {
    await render(<OverlayApp />);
    await click(button('End call'));
    expect(fake.callsOf('endCall')).toEqual([{ meetingId: 'm1' }]);
  });

  it('says "No call in progress" without a live meeting, and paints the view the core pushes', async () => {
    fake.answer('getLive', () => ok(null));
    await render(<OverlayApp />);
    expect(document.querySelector('h1')?.textContent).toBe('No call in progress');
    await act(async () => fake.emit('live', { revision: 2, view: liveView({ waitingWrapUps: 0 }) }));
    expect(pageText()).toContain('Discovery with Acme');
    expect(pageText()).not.toContain('waiting');
    expect(fake.callsOf('getLive')).toHaveLength(1); // painted from the event: no refetch
    await act(async () => fake.emit('live', { revision: 3, view: null }));
    expect(document.querySelector('h1')?.textContent).toBe('No call in progress');
  });

  it('shows the due prompt with its hotkey, and "Later" snoozes it', async () => {
    fake.answer('getLive', () => ok(liveView({ prompt: { kind: 'confirm-purpose', dueAt: STARTED } })));
    await render(<OverlayApp />);
    expect(pageText()).toContain('Confirm the purpose with them');
    expect(pageText()).toMatch(/Ctrl\+Alt\+C|⌃⌥C/);
    expect(button('Confirm purpose').getAttribute('aria-keyshortcuts')).toBe('Control+Alt+C');
    await click(button('Later'));
    expect(fake.callsOf('answerPrompt')).toEqual([{ meetingId: 'm1', answer: 'snooze' }]);
  });

  it('takes a quick note at the "ask for the next meeting" prompt', async () => {
    fake.answer('getLive', () => ok(liveView({ prompt: { kind: 'ask-next-meeting', dueAt: STARTED } })));
    await render(<OverlayApp />);
    await type(byLabel('Ask for the next meeting'), 'tue 3pm demo with Dana');
    await click(button('Save note'));
    expect(fake.callsOf('jotNextStep')).toEqual([{ meetingId: 'm1', text: 'tue 3pm demo with Dana' }]);
  });

  it('moves to the next agenda item through the core', async () => {
    fake.answer('nextAgendaItem', () => {
      live = { ...live, agenda: live.agenda.map((a) => (a.id === 'a2' ? { ...a, done: true } : a)) };
      return ok(live);
    });
    await render(<OverlayApp />);
    await click(button('Next item'));
    expect(fake.callsOf('nextAgendaItem')).toEqual([{ meetingId: 'm1' }]);
    expect(byLabel<HTMLInputElement>('Pain points').checked).toBe(true);
  });

  it('shrinks to one line in compact mode: where we are, the time, and the prompt with its key', async () => {
    fake.answer('getLive', () => ok(liveView({ compact: true, prompt: { kind: 'confirm-purpose', dueAt: STARTED } })));
    await render(<OverlayApp />);
    expect(pageText()).toContain(`▸ ${live.agenda.find((i) => !i.done)!.text}`);
    expect(pageText()).toContain('Confirm purpose');
    expect(byRole('timer')).toHaveLength(1);
    expect(queryButton('End call')).toBeNull();
    await click(button('Expand'));
    expect(fake.callsOf('updateSettings')).toEqual([{ overlay: { compact: false } }]);
  });

  it('with no call, offers to start an unplanned one — who it is with and its point first', async () => {
    fake.answer('getLive', () => ok(null));
    fake.answer('startAdHocCall', () => ({ ok: false, error: { code: 'invalid', message: 'Some fields need your attention.', fields: { purpose: 'The purpose is required.' } } }));
    await render(<OverlayApp />);
    expect(pageText()).toContain('No call in progress');
    await type(byLabel('Who is the call with?'), 'Initech');
    await click(button('Start call'));
    expect(fake.callsOf('startAdHocCall')).toEqual([{ account: 'Initech', purpose: '' }]);
    expect(pageText()).toContain('The purpose is required.');
  });
});
