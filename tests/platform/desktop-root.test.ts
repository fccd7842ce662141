// Desktop manners at the composition root (electron/main/index.ts, fake Electron, the real core on a temp profile):
// an isolated profile takes the logs with it, an installed app gets its menu with Reveal Logs, a stored "start at
// login" reaches the OS at start, and Linux windows carry the icon that electron-builder packs.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCore } from '../../electron/main/core';
import { TestClock } from '../../electron/main/core/clock';
import { main, type MainOptions, type RunningApp } from '../../electron/main/index';
import { appIconPath } from '../../electron/main/platform/paths';
import { REVEAL_LOGS_LABEL } from '../../electron/main/platform/menu';
import { app, Menu, resetFakeElectron } from '../support/fake-electron';
import { NOW } from './app-driver';
import { fake, quietLog } from './harness';

let userData: string;
let clock: TestClock;
let running: RunningApp | null = null;

beforeEach(async () => {
  userData = await mkdtemp(join(tmpdir(), 'second-step-desktop-'));
  clock = new TestClock(NOW);
});
afterEach(async () => {
  if (running && app.exitCode === null) {
    running.policy.allowExit();
    app.quit();
    await app.whenExited();
  }
  running = null;
  clock.dispose();
  await rm(userData, { recursive: true, force: true });
});

/** One launch as an installed app would run it, on a fresh fake Electron. */
async function launch(options: MainOptions & { packaged?: boolean; switches?: Record<string, string> } = {}) {
  const { packaged = true, switches = {}, ...mainOptions } = options;
  resetFakeElectron();
  app.isPackaged = packaged;
  for (const [name, value] of Object.entries(switches)) app.switches.set(name, value);
  running = await main({ clock, log: quietLog, ...mainOptions });
  if (!running) throw new Error('main() did not start');
  return running;
}

describe('desktop manners at start', () => {
  it('keeps the data and the logs inside a --user-data-dir profile', async () => {
    await launch({ switches: { 'user-data-dir': userData } });
    expect(app.getPath('userData')).toBe(userData);
    expect(app.getPath('logs')).toBe(join(userData, 'logs'));
    expect(existsSync(join(userData, 'data'))).toBe(true);
  });

  it('installs the app menu, whose Reveal Logs shows the log file', async () => {
    const revealLogs = vi.fn();
    await launch({ switches: { 'user-data-dir': userData }, platform: 'darwin', revealLogs });
    const template = (Menu.current as { template: Array<{ submenu?: Array<{ label?: string; click?: () => void }> }> }).template;
    const reveal = template.flatMap((item) => item.submenu ?? []).find((item) => item.label === REVEAL_LOGS_LABEL);
    reveal?.click?.();
    expect(revealLogs).toHaveBeenCalledOnce();
  });

  it('registers the app to start at login when the stored setting says so', async () => {
    const core = await createCore({ dataDir: join(userData, 'data'), clock, log: quietLog });
    await core.store.update((doc) => {
      doc.settings.startAtLogin = true;
    });
    await core.close();
    await launch({ switches: { 'user-data-dir': userData }, platform: 'win32' });
    await vi.waitFor(() => expect(app.getLoginItemSettings().openAtLogin).toBe(true));
  });

  it('gives Linux windows the packed 512 px icon', async () => {
    const started = await launch({ switches: { 'user-data-dir': userData }, platform: 'linux' });
    expect(fake(started.windows.show('review')).options['icon']).toBe(appIconPath(app.getAppPath()));
    // The path the app uses exists in the project, which is what electron-builder packs (see tests/packaging/).
    expect(existsSync(appIconPath(resolve(import.meta.dirname, '../..')))).toBe(true);
  });
});
