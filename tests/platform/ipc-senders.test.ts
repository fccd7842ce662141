// Electron security checklist item 17, for EVERY contract method: a call from a webContents that is not one of our
// windows, or from an iframe inside one, is refused before the core sees it — with a valid payload, so it is the
// sender check (not validation) that refuses it.
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

describe.each(methodNames.map((name) => [name]))('%s', (name) => {
  it('is refused from an unknown sender and from an iframe, and the core never sees it', async () => {
    const stranger = new FakeWebContents();
    stranger.mainFrame.url = pages.urlOf('review');
    const review = fake(windows.show('review')).webContents;
    expect(await ipcMain.invoke(channelOf(name), stranger, undefined)).toEqual(FORBIDDEN);
    expect(await ipcMain.invoke(channelOf(name), review, undefined, review.subframe(pages.urlOf('review')))).toEqual(FORBIDDEN);
    expect(core.handlers[name]).not.toHaveBeenCalled();
  });
});
