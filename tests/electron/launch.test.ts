// Runs under vitest's "electron" project (`npm run test:electron` builds first). Launches the BUILT app in a real
// Electron through Playwright's Electron runner and checks what only real Electron can show: the overlay appears
// without taking focus, the wrap-up refuses to close (or quit) while it is owed, an owed wrap-up survives the app
// ending and reopens on the next launch, and a second launch hands over to the running app. Where no Electron binary
// exists, it prints "skipped: no Electron binary" and is reported as SKIPPED — never as a pass.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bridge } from '../../shared/contract';
import type { WindowName } from '../../shared/views';

const root = resolve(import.meta.dirname, '../..');

/** The Electron binary npm downloaded, if it did: node_modules/electron/path.txt names it inside dist/. */
function electronBinary(): string | null {
  const pathFile = join(root, 'node_modules', 'electron', 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(root, 'node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const binary = electronBinary();
if (!binary) console.log('skipped: no Electron binary');

const HOUR = 3_600_000;

describe.skipIf(!binary)('the built app in real Electron', () => {
  let electronApp: ElectronApplication;
  let userData: string;
  let meetingId: string;

  /** The app's command line: an isolated profile (main honours --user-data-dir; it also scopes the single-instance
   * lock), and --no-sandbox where Chromium refuses to run as root. */
  const appArgs = () => [root, `--user-data-dir=${userData}`, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])];
  const launch = () => _electron.launch({ executablePath: binary!, args: appArgs(), cwd: root });

  beforeAll(async () => {
    if (!existsSync(join(root, 'out', 'main', 'index.js'))) throw new Error('Build first: npm run build');
    userData = await mkdtemp(join(tmpdir(), 'second-step-electron-'));
    electronApp = await launch();
  });

  afterAll(async () => {
    // The wrap-up may still be owed, so a polite quit would (rightly) be refused: end the process outright.
    electronApp?.process().kill('SIGKILL');
    if (userData) await rm(userData, { recursive: true, force: true });
  });

  /** The state of one of our windows, read in the main process. */
  const windowState = (name: WindowName) =>
    electronApp.evaluate(({ BrowserWindow }, page) => {
      const window = BrowserWindow.getAllWindows().find((w) => w.webContents.getURL().endsWith(`/${page}.html`));
      return window ? { visible: window.isVisible(), focused: window.isFocused(), destroyed: window.isDestroyed() } : null;
    }, name);

  async function page(name: WindowName): Promise<Page> {
    await expect.poll(() => electronApp.windows().some((p) => p.url().endsWith(`/${name}.html`))).toBe(true);
    return electronApp.windows().find((p) => p.url().endsWith(`/${name}.html`))!;
  }

  it('shows the overlay without taking focus when a call starts', async () => {
    const review = await page('review');
    meetingId = await review.evaluate(async (start) => {
      const api = (window as unknown as { api: Bridge }).api;
      const created = await api.createMeeting({ account: 'Acme', title: 'Discovery', start: new Date(start).toISOString(), end: new Date(start + 1_800_000).toISOString() });
      if (!created.ok) throw new Error(created.error.message);
      await api.startMeeting({ id: created.value.id });
      return created.value.id;
    }, Date.now() - HOUR / 4);

    await expect.poll(() => windowState('overlay')).toMatchObject({ visible: true, focused: false });
  });

  it('keeps the wrap-up open while it is owed: close and quit are both refused', async () => {
    const overlay = await page('overlay');
    await overlay.evaluate((id) => (window as unknown as { api: Bridge }).api.endCall({ meetingId: id }), meetingId);
    await expect.poll(() => windowState('wrapup')).toMatchObject({ visible: true, destroyed: false });

    await electronApp.evaluate(({ BrowserWindow }) => {
      BrowserWindow.getAllWindows().find((w) => w.webContents.getURL().endsWith('/wrapup.html'))?.close();
    });
    await electronApp.evaluate(({ app }) => app.quit());
    await new Promise((settle) => setTimeout(settle, 500));

    expect(electronApp.process().exitCode).toBeNull();
    expect(await windowState('wrapup')).toMatchObject({ visible: true, destroyed: false });
  });

  it('hands a second launch over to the running app, which brings its home window forward', async () => {
    await electronApp.evaluate(({ BrowserWindow }) => {
      BrowserWindow.getAllWindows().find((w) => w.webContents.getURL().endsWith('/review.html'))?.hide();
    });
    const second = spawn(binary!, appArgs(), { cwd: root, stdio: 'ignore' });
    const exitCode = await new Promise<number | null>((settle) => second.on('exit', settle));
    expect(exitCode).toBe(0);
    await expect.poll(() => windowState('review')).toMatchObject({ visible: true });
  });

  it('lets the OS end the session with a wrap-up owed, and reopens that wrap-up on the next launch', async () => {
    const closed = electronApp.waitForEvent('close');
    // What macOS and Linux announce before a shutdown or logout: from then on the quit goes through.
    await electronApp.evaluate(({ app, powerMonitor }) => {
      powerMonitor.emit('shutdown');
      app.quit();
    });
    await closed;

    electronApp = await launch();
    await page('wrapup');
    await expect.poll(() => windowState('wrapup')).toMatchObject({ visible: true, destroyed: false });
  });
});
