// The window registry: the overlay is built hidden, appears without taking focus and is kept over the call; the other
// windows come forward; the core's window requests are obeyed; a dead window can be rebuilt.
import { describe, expect, it } from 'vitest';
import { pages, fake, readyWindows } from './harness';

describe('overlay', () => {
  it('is built hidden on its own page and is kept out of screen shares', async () => {
    const overlay = fake((await readyWindows()).prepare('overlay'));
    expect(overlay.isVisible()).toBe(false);
    expect(overlay.callsOf('loadURL')).toEqual([[pages.urlOf('overlay')]]);
    expect(overlay.webContents.getURL()).toBe('app://second-step/overlay.html');
    expect(overlay.callsOf('setContentProtection')).toEqual([[true]]);
    expect(overlay.callsOf('setVisibleOnAllWorkspaces')).toEqual([[true, expect.objectContaining({ visibleOnFullScreen: true })]]);
    expect(overlay.callsOf('setBounds')).toEqual([[{ x: 1440 - 320 - 16, y: 25 + 16, width: 320, height: 420 }]]);
  });

  it('appears with showInactive and never takes focus from the call', async () => {
    const windows = await readyWindows();
    const review = fake(windows.show('review'));
    const overlay = fake(windows.show('overlay'));
    expect(overlay.callsOf('showInactive')).toHaveLength(1);
    expect(overlay.callsOf('show')).toHaveLength(0);
    expect(overlay.callsOf('focus')).toHaveLength(0);
    expect(overlay.isVisible()).toBe(true);
    expect(review.isFocused()).toBe(true);
  });

  it.each([
    ['darwin', 'floating'],
    ['win32', 'screen-saver'],
  ] as const)('on %s stays on top at the %s level, re-asserted on show and blur', async (platform, level) => {
    const overlay = fake((await readyWindows(platform)).show('overlay'));
    const raised = overlay.callsOf('setAlwaysOnTop').length;
    overlay.blur();
    expect(overlay.callsOf('setAlwaysOnTop')).toHaveLength(raised + 1);
    expect(overlay.callsOf('setAlwaysOnTop').every((args) => args[0] === true && args[1] === level)).toBe(true);
    // once at creation and once when shown
    expect(raised).toBe(2);
  });
});

describe('wrap-up and review', () => {
  it('come forward and take focus, restored if minimized', async () => {
    const windows = await readyWindows();
    const wrapUp = fake(windows.show('wrapup'));
    wrapUp.minimize();
    windows.show('wrapup');
    expect(wrapUp.callsOf('restore')).toHaveLength(1);
    expect(wrapUp.isFocused()).toBe(true);
    expect(wrapUp.webContents.getURL()).toBe(pages.urlOf('wrapup'));
  });

  it('are the same window when shown twice', async () => {
    const windows = await readyWindows();
    expect(windows.show('review')).toBe(windows.show('review'));
  });
});

describe("the core's window requests", () => {
  it('show and hide the named window', async () => {
    const windows = await readyWindows();
    windows.apply({ window: 'wrapup', action: 'show' });
    const wrapUp = fake(windows.get('wrapup'));
    expect(wrapUp.isVisible()).toBe(true);
    windows.apply({ window: 'wrapup', action: 'hide' });
    expect(wrapUp.isVisible()).toBe(false);
    expect(wrapUp.isDestroyed()).toBe(false);
  });

  it('hiding a window that does not exist builds nothing', async () => {
    const windows = await readyWindows();
    windows.apply({ window: 'review', action: 'hide' });
    expect(windows.get('review')).toBeNull();
  });
});

describe('registry', () => {
  it('forgets a closed window and builds a new one on the next show', async () => {
    const windows = await readyWindows();
    const first = fake(windows.show('review'));
    first.close();
    expect(windows.get('review')).toBeNull();
    expect(windows.show('review')).not.toBe(first);
  });

  it('recreate throws the old window away and shows a new one', async () => {
    const windows = await readyWindows();
    const first = fake(windows.show('wrapup'));
    const second = fake(windows.recreate('wrapup'));
    expect(first.isDestroyed()).toBe(true);
    expect(second).not.toBe(first);
    expect(second.isVisible()).toBe(true);
  });

  it("knows which window a webContents belongs to, and nobody else's", async () => {
    const windows = await readyWindows();
    const overlay = fake(windows.prepare('overlay'));
    expect(windows.nameOf(overlay.webContents as unknown as Electron.WebContents)).toBe('overlay');
    overlay.destroy();
    expect(windows.nameOf(overlay.webContents as unknown as Electron.WebContents)).toBeNull();
  });

  it('tells every window built later to the listeners', async () => {
    const windows = await readyWindows();
    const built: string[] = [];
    windows.onCreated((name) => built.push(name));
    windows.prepare('overlay');
    windows.show('review');
    windows.show('review');
    expect(built).toEqual(['overlay', 'review']);
  });
});
