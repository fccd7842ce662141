// The review window built ahead of time (electron/main/platform/windows/keep-review-ready.ts): once the overlay's page
// is up and the app is quiet, a review is built hidden whenever none exists, so the hotkey, the tray or the reminder
// shows one that is already loaded; never during a live call, never on the way out of a quit.
import { describe, expect, it } from 'vitest';
import { keepReviewReady } from '../../electron/main/platform/windows/keep-review-ready';
import { app, FakeEvent } from '../support/fake-electron';
import { fake, pages, readyWindows } from './harness';

const QUIET_MS = 5;
const quiet = () => new Promise((done) => setTimeout(done, QUIET_MS * 8));

async function started({ live = (): boolean => false } = {}) {
  const windows = await readyWindows();
  const overlay = fake(windows.prepare('overlay'));
  keepReviewReady({ windows, isCallLive: live, quietMs: QUIET_MS });
  return { windows, overlay };
}

describe('the review built ahead of time', () => {
  it('is built hidden, on its page and painting nothing, once the overlay page has loaded — not before', async () => {
    const { windows, overlay } = await started();
    await quiet();
    expect(windows.get('review')).toBeNull();
    overlay.webContents.emit('did-finish-load');
    await quiet();
    const review = fake(windows.get('review'));
    expect(review.isVisible()).toBe(false);
    expect(review.callsOf('loadURL')).toEqual([[pages.urlOf('review')]]);
    // Its page must know it is hidden (document.visibilityState), or it would follow every change all day.
    expect(review.options['paintWhenInitiallyHidden']).toBe(false);
  });

  it('is the window a later show brings forward, without a new page load', async () => {
    const { windows, overlay } = await started();
    overlay.webContents.emit('did-finish-load');
    await quiet();
    const ready = fake(windows.get('review'));
    const shown = fake(windows.show('review'));
    expect(shown).toBe(ready);
    expect(shown.isVisible()).toBe(true);
    expect(shown.isFocused()).toBe(true);
    expect(shown.callsOf('loadURL')).toHaveLength(1);
  });

  it('is built again after the rep closes the review, and only one at a time', async () => {
    const { windows, overlay } = await started();
    const first = fake(windows.show('review'));
    overlay.webContents.emit('did-finish-load');
    await quiet();
    expect(windows.get('review')).toBe(first);
    first.close();
    expect(windows.get('review')).toBeNull();
    await quiet();
    const next = fake(windows.get('review'));
    expect(next).not.toBe(first);
    expect(next.isVisible()).toBe(false);
    await quiet();
    expect(windows.get('review')).toBe(next);
  });

  it('waits for a live call to end before loading a page', async () => {
    let live = true;
    const { windows, overlay } = await started({ live: () => live });
    overlay.webContents.emit('did-finish-load');
    await quiet();
    expect(windows.get('review')).toBeNull();
    live = false;
    await quiet();
    expect(fake(windows.get('review')).isVisible()).toBe(false);
  });

  it('is not built again while the app quits, but is after a quit the wrap-up gate refused', async () => {
    const { windows, overlay } = await started();
    overlay.webContents.emit('did-finish-load');
    const refused = new FakeEvent();
    refused.preventDefault();
    app.emit('before-quit', refused);
    await quiet();
    const review = fake(windows.get('review'));
    app.emit('before-quit', new FakeEvent());
    review.close();
    await quiet();
    expect(windows.get('review')).toBeNull();
  });
});
