// The IPC boundary: every contract method is registered once, answers only our own pages (top frame of one of our
// windows, on that window's page), validates through `dispatch`, and core events reach every window.
import { beforeEach, describe, expect, it } from 'vitest';
import { channelOf, methodNames } from '../../shared/contract';
import { FORBIDDEN, registerIpc } from '../../electron/main/platform/ipc';
import type { Windows } from '../../electron/main/platform/windows';
import { FakeWebContents, ipcMain } from '../support/fake-electron';
import { fake, pages, quietLog, readyWindows, stubCore } from './harness';

let windows: Windows;
let core: ReturnType<typeof stubCore>;

beforeEach(async () => {
  windows = await readyWindows();
  core = stubCore();
  registerIpc({ core, windows, pages, log: quietLog });
});

const contentsOf = (window: Electron.BrowserWindow) => fake(window).webContents;

describe('registration', () => {
  it('registers exactly one handler per contract method, on its contract channel', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual(methodNames.map(channelOf).sort());
  });
});

describe('who may call', () => {
  it('answers the main frame of our window on its own page, through dispatch', async () => {
    const review = contentsOf(windows.show('review'));
    expect(await ipcMain.invoke(channelOf('getState'), review)).toEqual({ ok: true, value: { method: 'getState' } });
    expect(core.handlers.getState).toHaveBeenCalledOnce();
  });

  it('validates the payload before any handler runs', async () => {
    const review = contentsOf(windows.show('review'));
    const reply = await ipcMain.invoke(channelOf('startMeeting'), review, { id: '' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid', fields: { id: expect.any(String) } } });
    expect(core.handlers.startMeeting).not.toHaveBeenCalled();
  });

  it('refuses a webContents that is not one of our windows', async () => {
    const stranger = new FakeWebContents();
    stranger.mainFrame.url = pages.urlOf('review'); // even on a URL that looks like ours
    expect(await ipcMain.invoke(channelOf('getState'), stranger)).toEqual(FORBIDDEN);
    expect(core.handlers.getState).not.toHaveBeenCalled();
  });

  it.each(methodNames.map((name) => [name]))('refuses %s from an unknown sender or an iframe, before the core sees it', async (name) => {
    const stranger = new FakeWebContents();
    stranger.mainFrame.url = pages.urlOf('review');
    const review = contentsOf(windows.show('review'));
    expect(await ipcMain.invoke(channelOf(name), stranger)).toEqual(FORBIDDEN);
    expect(await ipcMain.invoke(channelOf(name), review, undefined, review.subframe(pages.urlOf('review')))).toEqual(FORBIDDEN);
    expect(core.handlers[name]).not.toHaveBeenCalled();
  });

  it('refuses an iframe inside our window', async () => {
    const review = contentsOf(windows.show('review'));
    const iframe = review.subframe(pages.urlOf('review'));
    expect(await ipcMain.invoke(channelOf('getState'), review, undefined, iframe)).toEqual(FORBIDDEN);
  });

  it('refuses our window once it shows something else than its own page', async () => {
    const review = contentsOf(windows.show('review'));
    review.mainFrame.url = 'https://evil.example/review.html';
    expect(await ipcMain.invoke(channelOf('getState'), review)).toEqual(FORBIDDEN);
    review.mainFrame.url = pages.urlOf('wrapup'); // our page, but not this window's
    expect(await ipcMain.invoke(channelOf('getState'), review)).toEqual(FORBIDDEN);
  });

  it('refuses a frame that is already gone', async () => {
    const review = contentsOf(windows.show('review'));
    expect(await ipcMain.invoke(channelOf('getState'), review, undefined, null)).toEqual(FORBIDDEN);
    expect(core.handlers.getState).not.toHaveBeenCalled();
  });

  it('ignores the query and hash of our page', async () => {
    const review = contentsOf(windows.show('review'));
    review.mainFrame.url = `${pages.urlOf('review')}?tab=threads#top`;
    expect(await ipcMain.invoke(channelOf('getState'), review)).toMatchObject({ ok: true });
  });
});

describe('core events', () => {
  it('reach every open window on the event channel', () => {
    const review = contentsOf(windows.show('review'));
    const overlay = contentsOf(windows.prepare('overlay'));
    core.emit('changed', { revision: 7 });
    for (const contents of [review, overlay]) {
      expect(contents.sent).toContainEqual({ channel: channelOf('changed'), payload: { revision: 7 } });
    }
  });

  it('skip windows that have been closed', () => {
    fake(windows.show('review')).destroy();
    expect(() => core.emit('clock', { now: 1 })).not.toThrow();
  });
});
