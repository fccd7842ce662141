// THE GATE AT THE COMPOSITION ROOT: electron/main/index.ts driven whole — fake Electron, REAL core and store in a
// temp data folder, every call made the way a page makes it (IPC from one of our windows, through dispatch).
// The oracle is the store file itself: a close, a quit or a crash is held back EXACTLY when the file holds no valid
// next step or close-out for the pending meeting — and an OS shutdown or logout is never held back.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { channelOf } from '../../shared/contract';
import { TestClock } from '../../electron/main/core/clock';
import { main } from '../../electron/main/index';
import { app, BrowserWindow, FakeEvent, powerMonitor, resetFakeElectron } from '../support/fake-electron';
import { captured, createAppDriver, iso, MINUTE, NOW, type AppDriver } from './app-driver';
import { fake, quietLog } from './harness';

let driver: AppDriver;
beforeEach(async () => {
  driver = await createAppDriver();
});
afterEach(async () => driver.dispose());

const launch = (platform?: NodeJS.Platform) => driver.launch(platform);
const exitApp = () => driver.exitApp();
const windowOf: AppDriver['windowOf'] = (name) => driver.windowOf(name);
const call: AppDriver['call'] = (from, method, input) => driver.call(from, method, input);
const satisfiedOnDisk = (meetingId: string) => driver.satisfiedOnDisk(meetingId);
const holdACall = (title?: string) => driver.holdACall(title);
const logValidNextStep = (meetingId: string) => driver.logValidNextStep(meetingId);
const closeOutThread = (meetingId: string) => driver.closeOutThread(meetingId);

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
    const wrapUp = fake(driver.running.windows.show('wrapup'));
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
    const crashed = fake(driver.running.windows.show('wrapup'));
    await reachState(meetingId);
    const owed = !(await satisfiedOnDisk(meetingId));

    crashed.webContents.crash('crashed');

    expect(crashed.isDestroyed()).toBe(true);
    const rebuilt = driver.running.windows.get('wrapup');
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
    expect(driver.running.windows.get('wrapup')?.isVisible() ?? false).toBe(false);
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
  it('with nothing owed: review in front, overlay and wrap-up built hidden (ready to show at once)', async () => {
    await launch();
    expect(windowOf('review').isFocused()).toBe(true);
    expect(windowOf('overlay').isVisible()).toBe(false);
    expect(windowOf('wrapup').isVisible()).toBe(false);
  });

  it('with a wrap-up owed but a call still live: the wrap-up waits for the call', async () => {
    await launch();
    await holdACall('First call');
    const next = await call('review', 'createMeeting', { account: 'Globex', title: 'Second call', start: iso(NOW + 60 * MINUTE), end: iso(NOW + 90 * MINUTE) });
    await call('review', 'startMeeting', { id: next.id });
    await exitApp();

    await launch();
    expect(windowOf('wrapup').isVisible()).toBe(false);
  });

  it('a second instance quits at once and leaves the first alone', async () => {
    resetFakeElectron({ userData: driver.userData });
    const clock = new TestClock(NOW);
    app.singleInstanceLock = false;
    expect(await main({ clock, log: quietLog })).toBeNull();
    clock.dispose();
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
