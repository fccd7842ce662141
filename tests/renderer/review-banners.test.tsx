// The home window's attention banners: a call starting now (Join & start / Start), calls whose time passed without
// being started, and hotkeys another app holds.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ReviewApp } from '../../renderer/src/review/ReviewApp';
import { appState } from './fixtures';
import { button, cleanup, click, fakeBridge, installBridge, ok, pageText, queryButton, render, settle, type FakeBridge } from './harness';
import { REVIEW_NOW, reviewModesFor } from './review-fixtures';

let fake: FakeBridge;
beforeEach(() => {
  fake = fakeBridge();
  fake.answer('getState', () => ok(appState(REVIEW_NOW)));
  fake.answer('getReviewModes', () => ok(reviewModesFor()));
  fake.answer('getReview', () => ok({ threads: [], meetings: [], nextSteps: [], pendingWrapUpIds: [] }));
  installBridge(fake);
});
afterEach(cleanup);

const due = { meetingId: 'm9', title: 'Discovery with Acme', account: 'Acme', purpose: '', joinUrl: 'https://acme.zoom.us/j/1' };

describe('review attention banners', () => {
  it('offers Join & start for a call starting now, warning when it has no purpose', async () => {
    const opened = vi.spyOn(window, 'open').mockReturnValue(null);
    await render(<ReviewApp />);
    fake.emit('due', due);
    await settle();
    expect(pageText()).toContain('Starting now: Discovery with Acme · Acme');
    expect(pageText()).toContain('No purpose set');
    await click(button('Join & start'));
    expect(fake.callsOf('startMeeting')).toEqual([{ id: 'm9' }]);
    expect(opened).toHaveBeenCalledWith('https://acme.zoom.us/j/1', '_blank', 'noopener');
    expect(queryButton('Join & start')).toBeNull();
  });

  it('asks about calls whose time passed, and names hotkeys another app holds', async () => {
    fake.answer('getState', () => ok({ ...appState(REVIEW_NOW), unheldCalls: 2, hotkeyFailures: [{ action: 'answerYes', accelerator: 'Control+Alt+Y' }] }));
    await render(<ReviewApp />);
    expect(pageText()).toContain('2 calls’ times have passed without them being started.');
    expect(pageText()).toMatch(/Some hotkeys are taken.*\(yes \/ agreed\)/s);
    await click(button('Did it happen?'));
    expect(fake.callsOf('showWindow')).toEqual([{ window: 'wrapup' }]);
  });
});
