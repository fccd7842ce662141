// THE GATE AT THE COMPOSITION ROOT: electron/main/index.ts driven whole — fake Electron, REAL core and store in a
// temp data folder, every call made the way a page makes it (IPC from one of our windows, through dispatch).
// The oracle is the store file itself: a close, a quit or a crash is held back EXACTLY when the file holds no valid
// next step or close-out for the pending meeting — and an OS shutdown or logout is never held back.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { channelOf, type MethodName, type MethodRawInput, type MethodResult, type Reply } from '../../shared/contract';
import { StoreDocument } from '../../shared/domain';
import { wrapUpSatisfaction } from '../../shared/rules/wrap-up-gate';
import type { WindowName } from '../../shared/views';
import { TestClock } from '../../electron/main/core/clock';
import { STORE_FILE } from '../../electron/main/core/store/file-names';
import { main, type RunningApp } from '../../electron/main/index';
import { app, BrowserWindow, FakeEvent, ipcMain, powerMonitor, resetFakeElectron } from '../support/fake-electron';
import { fake, quietLog } from './harness';

const NOW = Date.parse('2026-11-23T10:00:00.000Z');
const MINUTE = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

let userData: string;
let clock: TestClock;
let running: RunningApp;

/** One launch of the app, as Electron would run it, on the same profile folder each time within a test. */
async function launch(platform: NodeJS.Platform = 'linux'): Promise<RunningApp> {
  resetFakeElectron({ userData });
  clock?.dispose();
  clock = new TestClock(NOW);
  const started = await main({ clock, log: quietLog, platform });
  if (!started) throw new Error('main() did not start');
  running = started;
  return started;
}

/** Exits the way the OS would end the process, letting the core close its store first. */
async function exitApp(): Promise<void> {
  if (app.exitCode !== null) return;
  running.policy.allowExit();
  app.quit();
  await app.whenExited();
}

beforeEach(async () => {
  userData = await mkdtemp(join(tmpdir(), 'second-step-root-'));
});

afterEach(async () => {
  await exitApp();
  clock.dispose();
  await rm(userData, { recursive: true, force: true });
});

const windowOf = (name: WindowName) => fake(running.windows.get(name));

/** What a page does: call a contract method over IPC from one of our windows (through the sender check and dispatch). */
async function call<K extends MethodName>(from: WindowName, method: K, input: MethodRawInput<K>): Promise<MethodResult<K>> {
  const sender = fake(running.windows.prepare(from)).webContents;
  const reply = (await ipcMain.invoke(channelOf(method), sender, input)) as Reply<MethodResult<K>>;
  if (!reply.ok) throw new Error(`${method} failed: ${JSON.stringify(reply.error)}`);
  return reply.value;
}

/** The oracle, read from disk: does the store file hold a valid next step or close-out for this meeting? */
async function satisfiedOnDisk(meetingId: string): Promise<boolean> {
  const doc = StoreDocument.parse(JSON.parse(await readFile(join(userData, 'data', STORE_FILE), 'utf8')));
  return wrapUpSatisfaction(doc, meetingId).satisfied;
}

/** Plans a call, holds it and ends it: the core writes the pending wrap-up and asks for the wrap-up window. */
async function holdACall(title = 'Discovery with Acme'): Promise<string> {
  const meeting = await call('review', 'createMeeting', {
    account: 'Acme',
    title,
    start: iso(NOW),
    end: iso(NOW + 30 * MINUTE),
    purpose: 'Find out whether the rollout is budgeted this quarter',
  });
  await call('review', 'startMeeting', { id: meeting.id });
  await call('overlay', 'endCall', { meetingId: meeting.id });
  return meeting.id;
}

const logValidNextStep = (meetingId: string) =>
  call('wrapup', 'logNextStep', {
    meetingId,
    kind: 'demo',
    what: 'Demo for the ops team',
    when: iso(NOW + 3 * 24 * 60 * MINUTE),
    owner: 'both',
    purpose: 'Show the rollout plan to the people who will run it',
    agreed: true,
  });

const closeOutThread = (meetingId: string) =>
  call('wrapup', 'closeOutThread', { meetingId, result: 'not-a-fit', reason: 'No budget for two years' });

/** Runs `act` and returns the cancellable event the app emitted, as the last listener sees it (after the policy). */
function captured(target: { once(event: string, listener: (event: FakeEvent) => void): unknown }, name: string, act: () => void) {
  let seen: FakeEvent | undefined;
  target.once(name, (event) => (seen = event));
  act();
  if (!seen) throw new Error(`no '${name}' event was emitted`);
  return seen;
}

const STATES = {
  'nothing logged yet': async (_meetingId: string) => {},
  'a valid next step logged': async (meetingId: string) => void (await logValidNextStep(meetingId)),
  'the deal closed out': async (meetingId: string) => void (await closeOutThread(meetingId)),
};

describe('ending a call', () => {
  it('writes the pending wrap-up to disk, then shows the wrap-up window in front', async () => {
    await launch();
    const meetingId = await holdACall();
    expect(await satisfiedOnDisk(meetingId)).toBe(false);
    expect(windowOf('wrapup').isVisible()).toBe(true);
    expect(windowOf('wrapup').isFocused()).toBe(true);
    expect(windowOf('overlay').isVisible()).toBe(false);
  });
});

describe.each(Object.entries(STATES))('with %s', (_state, reachState) => {
  it('closing the wrap-up window is prevented exactly when the store holds nothing valid', async () => {
    await launch();
    const meetingId = await holdACall();
    const wrapUp = fake(running.windows.show('wrapup'));
    await reachState(meetingId);
    const owed = !(await satisfiedOnDisk(meetingId));

    const closing = captured(wrapUp, 'close', () => wrapUp.close());

    expect(closing.defaultPrevented).toBe(owed);
    expect(wrapUp.isDestroyed()).toBe(!owed);
    if (owed) {
      // It stays in front and its page is told why.
      expect(wrapUp.isFocused()).toBe(true);
      expect(wrapUp.callsOf('flashFrame')).toEqual([[true]]);
      expect(wrapUp.webContents.sent).toContainEqual({ channel: channelOf('window'), payload: { window: 'wrapup', action: 'show' } });
    }
  });

  it('quitting is cancelled exactly when the store holds nothing valid, and the wrap-up comes forward', async () => {
    await launch();
    const meetingId = await holdACall();
    await reachState(meetingId);
    const owed = !(await satisfiedOnDisk(meetingId));
    windowOf('review').focus();

    const quitting = captured(app, 'before-quit', () => app.quit());

    expect(quitting.defaultPrevented).toBe(owed);
    if (owed) {
      expect(app.exitCode).toBeNull();
      expect(windowOf('wrapup').isFocused()).toBe(true);
    } else {
      expect(await app.whenExited()).toBe(0);
    }
  });

  it('a crashed wrap-up page is rebuilt exactly when the store holds nothing valid', async () => {
    await launch();
    const meetingId = await holdACall();
    const crashed = fake(running.windows.show('wrapup'));
    await reachState(meetingId);
    const owed = !(await satisfiedOnDisk(meetingId));

    crashed.webContents.crash('crashed');

    expect(crashed.isDestroyed()).toBe(true);
    const rebuilt = running.windows.get('wrapup');
    expect(rebuilt !== null).toBe(owed);
    if (rebuilt) {
      expect(fake(rebuilt).isVisible()).toBe(true);
      expect(fake(rebuilt).webContents.getURL()).toMatch(/wrapup\.html$/);
      // The new window is guarded like the old one.
      expect(fake(rebuilt).close().defaultPrevented).toBe(true);
    }
  });
});

describe('the decision is taken at the moment of the event, from the store', () => {
  it('holds the wrap-up, then lets it go once a valid next step is on disk', async () => {
    await launch();
    const meetingId = await holdACall();
    const wrapUp = windowOf('wrapup');
    expect(wrapUp.close().defaultPrevented).toBe(true);

    await logValidNextStep(meetingId);
    expect(await satisfiedOnDisk(meetingId)).toBe(true);
    // The core put the window away once the gate was satisfied; closing it now goes through.
    expect(wrapUp.isVisible()).toBe(false);
    expect(wrapUp.close().defaultPrevented).toBe(false);
    expect(captured(app, 'before-quit', () => app.quit()).defaultPrevented).toBe(false);
    expect(await app.whenExited()).toBe(0);
  });

  it('an invalid next step changes nothing: the gate still holds', async () => {
    await launch();
    const meetingId = await holdACall();
    await expect(call('wrapup', 'logNextStep', { meetingId, kind: 'call', what: 'Call back', when: iso(NOW - MINUTE), owner: 'me', purpose: 'x', agreed: false })).rejects.toThrow(/invalid/);
    expect(await satisfiedOnDisk(meetingId)).toBe(false);
    expect(windowOf('wrapup').close().defaultPrevented).toBe(true);
  });
});

describe('a live call comes first', () => {
  it('a quit during a later live call is cancelled without covering the call; the wrap-up waits', async () => {
    await launch();
    await holdACall('First call');
    const next = await call('review', 'createMeeting', { account: 'Globex', title: 'Second call', start: iso(NOW + 60 * MINUTE), end: iso(NOW + 90 * MINUTE) });
    await call('review', 'startMeeting', { id: next.id });

    expect(captured(app, 'before-quit', () => app.quit()).defaultPrevented).toBe(true);
    expect(running.windows.get('wrapup')?.isVisible() ?? false).toBe(false);
    expect(windowOf('overlay').isVisible()).toBe(true);
    expect(windowOf('overlay').callsOf('focus')).toEqual([]);
  });
});

/** macOS (shutdown, restart, logout) and Linux (shutdown) say so through powerMonitor before quitting the app. */
const powerMonitorShutdown = (): void => {
  powerMonitor.emit('shutdown', new FakeEvent());
};
/** Windows tells every top-level window — here the overlay, built hidden at start. */
const windowsSessionEnd = (event: 'query-session-end' | 'session-end', reason: string) => (): void => {
  BrowserWindow.getAllWindows()[0]?.emit(event, new FakeEvent({ reasons: [reason] }));
};

describe.each([
  ['linux', 'powerMonitor shutdown', powerMonitorShutdown],
  ['darwin', 'powerMonitor shutdown (also sent on logout)', powerMonitorShutdown],
  ['win32', 'query-session-end (shutdown)', windowsSessionEnd('query-session-end', 'shutdown')],
  ['win32', 'session-end (logoff)', windowsSessionEnd('session-end', 'logoff')],
] as const)('on %s, after %s', (platform, _signal, sessionEnds) => {
  it('the OS ends the session with a wrap-up owed: nothing is held back, and it reopens on the next start', async () => {
    await launch(platform);
    const meetingId = await holdACall();
    const wrapUp = windowOf('wrapup');
    sessionEnds();

    let closing: FakeEvent | undefined;
    wrapUp.once('close', (event: FakeEvent) => (closing = event));
    expect(captured(app, 'before-quit', () => app.quit()).defaultPrevented).toBe(false);
    expect(closing?.defaultPrevented).toBe(false);
    expect(await app.whenExited()).toBe(0);
    expect(await satisfiedOnDisk(meetingId)).toBe(false);

    // Next start: a fresh core on the same folder finds the wrap-up still owed and puts it in front of the review.
    await launch(platform);
    expect(windowOf('review').isVisible()).toBe(true);
    expect(windowOf('wrapup').isVisible()).toBe(true);
    expect(windowOf('wrapup').isFocused()).toBe(true);
    expect(windowOf('wrapup').close().defaultPrevented).toBe(true);
  });
});

describe('starting up', () => {
  it('with nothing owed: review in front, overlay built hidden, no wrap-up', async () => {
    await launch();
    expect(windowOf('review').isFocused()).toBe(true);
    expect(windowOf('overlay').isVisible()).toBe(false);
    expect(running.windows.get('wrapup')).toBeNull();
  });

  it('with a wrap-up owed but a call still live: the wrap-up waits for the call', async () => {
    await launch();
    await holdACall('First call');
    const next = await call('review', 'createMeeting', { account: 'Globex', title: 'Second call', start: iso(NOW + 60 * MINUTE), end: iso(NOW + 90 * MINUTE) });
    await call('review', 'startMeeting', { id: next.id });
    await exitApp();

    await launch();
    expect(running.windows.get('wrapup')).toBeNull();
  });

  it('a second instance quits at once and leaves the first alone', async () => {
    resetFakeElectron({ userData });
    clock = new TestClock(NOW);
    app.singleInstanceLock = false;
    expect(await main({ clock, log: quietLog })).toBeNull();
    expect(app.exitCode).toBe(0);
    expect(BrowserWindow.getAllWindows()).toEqual([]);
  });

  it('a second launch brings the review window forward', async () => {
    await launch();
    windowOf('review').hide();
    app.emit('second-instance', new FakeEvent(), [], '/');
    expect(windowOf('review').isFocused()).toBe(true);
  });
});
