// Test helpers for the platform adapter: a quiet log, our pages at a fake app path, and a stand-in core whose handlers
// are spies (the composition-root test uses the real core instead).
import { vi } from 'vitest';
import { methodNames, type EventName, type Events, type Handlers } from '../../shared/contract';
import type { CoreLog, EventListener } from '../../electron/main/core';
import { createPages } from '../../electron/main/platform/windows/pages';
import { createWindows } from '../../electron/main/platform/windows';
import { app, resetFakeElectron, type BrowserWindow as FakeWindow } from '../support/fake-electron';

export const quietLog: CoreLog = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };

export const APP_PATH = '/opt/second-step';
export const pages = createPages({ appPath: APP_PATH });

/** A stand-in core: every handler answers `{ method }`, and `emit` plays a core event. */
export function stubCore() {
  const listeners = new Set<EventListener>();
  const handlers = Object.fromEntries(methodNames.map((name) => [name, vi.fn(async () => ({ method: name }))])) as unknown as Handlers;
  return {
    handlers,
    onEvent(listener: EventListener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit<E extends EventName>(event: E, payload: Events[E]) {
      for (const listener of listeners) listener(event, payload);
    },
  };
}

/** A fresh, ready fake Electron and the window registry over it. */
export async function readyWindows(platform: NodeJS.Platform = 'linux') {
  resetFakeElectron({ appPath: APP_PATH });
  await app.whenReady();
  return createWindows({ platform, pages, log: quietLog });
}

/** The platform sees Electron's types; under the alias its windows are the fake's, with their recording helpers. */
export const fake = (window: Electron.BrowserWindow | null | undefined): FakeWindow => {
  if (!window) throw new Error('expected a window');
  return window as unknown as FakeWindow;
};
