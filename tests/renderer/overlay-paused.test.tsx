// The overlay while the rep has paused the prompts: it says so, and until when, instead of going quietly blank — and
// "Resume prompts" brings them back through the core.
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { LiveView } from '../../shared/views';
import { OverlayApp } from '../../renderer/src/overlay/OverlayApp';
import { formatTime } from '../../renderer/src/ui/format';
import { appState, meeting, thread } from './fixtures';
import { button, cleanup, click, fakeBridge, installBridge, ok, pageText, queryButton, render, type FakeBridge } from './harness';

const UNTIL = '2025-11-25T10:30:00.000Z';
let fake: FakeBridge;
let view: LiveView;

beforeEach(() => {
  view = { meeting: meeting({ status: 'live' }), thread, waitingWrapUps: 0, prompt: null, hotkeys: {} as LiveView['hotkeys'], compact: false, promptsPausedUntil: UNTIL };
  fake = fakeBridge();
  fake.answer('getState', () => ok(appState(Date.parse('2025-11-25T09:30:00.000Z'))));
  fake.answer('getLive', () => ok(view));
  fake.answer('pausePrompts', () => ok({ pausedUntil: null }));
  installBridge(fake);
});
afterEach(cleanup);

it('says the prompts are paused until when, and resumes them', async () => {
  await render(<OverlayApp />);
  expect(pageText()).toContain(`Prompts paused until ${formatTime(UNTIL)}`);
  await click(button('Resume prompts'));
  expect(fake.callsOf('pausePrompts')).toEqual([{ minutes: 0 }]);
});

it('says nothing about a pause when there is none', async () => {
  view = { ...view, promptsPausedUntil: null };
  await render(<OverlayApp />);
  expect(pageText()).not.toContain('paused');
  expect(queryButton('Resume prompts')).toBeNull();
});

it('says so on the compact line too', async () => {
  view = { ...view, compact: true };
  await render(<OverlayApp />);
  expect(pageText()).toContain(`Prompts paused until ${formatTime(UNTIL)}`);
});
