// Drives the whole composition root (electron/main/index.ts) the way Electron and a rep would: fake Electron, the
// REAL core and store in a temp profile folder, every call made the way a page makes it (IPC from one of our
// windows, through the sender check and dispatch). The oracle is the store file on disk.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { channelOf, type MethodName, type MethodRawInput, type MethodResult, type Reply } from '../../shared/contract';
import { wrapUpSatisfaction } from '../../shared/rules/wrap-up-gate';
import type { WindowName } from '../../shared/views';
import { TestClock } from '../../electron/main/core/clock';
import { main, type RunningApp } from '../../electron/main/index';
import { app, ipcMain, resetFakeElectron, type FakeEvent } from '../support/fake-electron';
import { fake, quietLog } from './harness';
import { documentOnDisk } from '../support/on-disk';

export const NOW = Date.parse('2026-11-23T10:00:00.000Z');
export const MINUTE = 60_000;
export const iso = (ms: number) => new Date(ms).toISOString();

export interface AppDriver {
  readonly running: RunningApp;
  readonly userData: string;
  /** One launch of the app, as Electron would run it, on the same profile folder. */
  launch(platform?: NodeJS.Platform): Promise<RunningApp>;
  /** Exits the way the OS would end the process, letting the core close its store first. */
  exitApp(): Promise<void>;
  windowOf(name: WindowName): ReturnType<typeof fake>;
  /** What a page does: call a contract method over IPC from one of our windows. */
  call<K extends MethodName>(from: WindowName, method: K, input: MethodRawInput<K>): Promise<MethodResult<K>>;
  reply<K extends MethodName>(from: WindowName, method: K, input: unknown): Promise<Reply<MethodResult<K>>>;
  /** Does the store file hold a valid next step or close-out for this meeting? */
  satisfiedOnDisk(meetingId: string): Promise<boolean>;
  /** Meetings the store file says still owe a wrap-up. */
  owedOnDisk(): Promise<string[]>;
  /** Plans a call, holds it and ends it: the core writes the pending wrap-up and asks for the wrap-up window. */
  holdACall(title?: string): Promise<string>;
  logValidNextStep(meetingId: string): Promise<unknown>;
  closeOutThread(meetingId: string): Promise<unknown>;
  dispose(): Promise<void>;
}

export async function createAppDriver(): Promise<AppDriver> {
  const userData = await mkdtemp(join(tmpdir(), 'second-step-root-'));
  let clock: TestClock | undefined;
  let running: RunningApp | undefined;
  const readDoc = async () => documentOnDisk(join(userData, 'data'));

  const driver: AppDriver = {
    get running() {
      if (!running) throw new Error('the app is not running');
      return running;
    },
    userData,
    async launch(platform = 'linux') {
      resetFakeElectron({ userData });
      clock?.dispose();
      clock = new TestClock(NOW);
      const started = await main({ clock, log: quietLog, platform });
      if (!started) throw new Error('main() did not start');
      running = started;
      return started;
    },
    async exitApp() {
      if (!running || app.exitCode !== null) return;
      running.policy.allowExit();
      app.quit();
      await app.whenExited();
    },
    windowOf: (name) => fake(driver.running.windows.get(name)),
    async reply(from, method, input) {
      const sender = fake(driver.running.windows.prepare(from)).webContents;
      return (await ipcMain.invoke(channelOf(method), sender, input)) as Reply<MethodResult<typeof method>>;
    },
    async call(from, method, input) {
      const reply = await driver.reply(from, method, input);
      if (!reply.ok) throw new Error(`${method} failed: ${JSON.stringify(reply.error)}`);
      return reply.value as MethodResult<typeof method>;
    },
    satisfiedOnDisk: async (meetingId) => wrapUpSatisfaction(await readDoc(), meetingId).satisfied,
    async owedOnDisk() {
      const doc = await readDoc();
      return doc.meetings
        .filter((m) => ['wrapping-up', 'no-show'].includes(m.status) && !wrapUpSatisfaction(doc, m.id).satisfied)
        .map((m) => m.id);
    },
    async holdACall(title = 'Discovery with Acme') {
      const meeting = await driver.call('review', 'createMeeting', {
        account: 'Acme',
        title,
        start: iso(NOW),
        end: iso(NOW + 30 * MINUTE),
        purpose: 'Find out whether the rollout is budgeted this quarter',
      });
      await driver.call('review', 'startMeeting', { id: meeting.id });
      await driver.call('overlay', 'endCall', { meetingId: meeting.id });
      return meeting.id;
    },
    logValidNextStep: (meetingId) =>
      driver.call('wrapup', 'logNextStep', {
        meetingId,
        kind: 'demo',
        what: 'Demo for the ops team',
        when: iso(NOW + 3 * 24 * 60 * MINUTE),
        owner: 'both',
        purpose: 'Show the rollout plan to the people who will run it',
        agreed: true,
      }),
    closeOutThread: (meetingId) =>
      driver.call('wrapup', 'closeOutThread', { meetingId, result: 'not-a-fit', reason: 'No budget for two years' }),
    async dispose() {
      await driver.exitApp();
      clock?.dispose();
      await rm(userData, { recursive: true, force: true });
    },
  };
  return driver;
}

/** Runs `act` and returns the cancellable event the app emitted, as the last listener sees it (after the policy). */
export function captured(target: { once(event: string, listener: (event: FakeEvent) => void): unknown }, name: string, act: () => void) {
  let seen: FakeEvent | undefined;
  target.once(name, (event) => (seen = event));
  act();
  if (!seen) throw new Error(`no '${name}' event was emitted`);
  return seen;
}
