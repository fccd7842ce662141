// Runs in the main process. The contract over IPC: one handler per contract method, each refusing any caller that is
// not the top frame of one of our windows showing that window's own page, then handing the raw payload to `dispatch`,
// the core's single validated entry point. Core events go to every window on their contract channels.
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { channelOf, methodNames, type Reply } from '../../../shared/bridge';
import type { Core, CoreLog } from '../core';
import { dispatch } from '../core/dispatch';
import type { Windows } from './windows';
import type { Pages } from './windows/pages';

export const FORBIDDEN: Reply<never> = {
  ok: false,
  error: { code: 'forbidden', message: 'This request did not come from a Second Step window, so it was refused.' },
};

type Sender = Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>;

/** True only for the main frame (not an iframe) of one of our windows, currently on that window's own page. */
export function isOurPage(event: Sender, windows: Pick<Windows, 'nameOf'>, pages: Pick<Pages, 'nameOf'>): boolean {
  const window = windows.nameOf(event.sender);
  const frame = event.senderFrame;
  return window !== null && frame !== null && frame.parent === null && pages.nameOf(frame.url) === window;
}

export interface IpcOptions {
  core: Pick<Core, 'handlers' | 'onEvent'>;
  windows: Windows;
  pages: Pages;
  log: CoreLog;
}

export function registerIpc({ core, windows, pages, log }: IpcOptions): void {
  for (const name of methodNames) {
    ipcMain.handle(channelOf(name), (event, payload: unknown) => {
      if (!isOurPage(event, windows, pages)) {
        log.warn(`Refused "${name}" from ${event.senderFrame?.url ?? 'a frame that is gone'}`);
        return FORBIDDEN;
      }
      return dispatch(core.handlers, name, payload, (error) => log.error(`"${name}" failed`, error));
    });
  }
  core.onEvent((event, payload) => windows.broadcast(channelOf(event), payload));
}
