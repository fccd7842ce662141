// The wrap-up gate as a model test: random sequences of what a rep, the OS and bad luck do — close the wrap-up, quit,
// shut down, hide it, crash its page, restart, submit nonsense, submit a valid step, close the deal out, end another
// call, start another call — against the whole composition root and the real store. After every action the store
// on disk must owe exactly what the model owes: a wrap-up leaves only through a valid next step or a close-out.
// An OS shutdown is never held back. `GATE_MODEL_RUNS` raises the count for a soak run.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { powerMonitor, FakeEvent, app } from '../support/fake-electron';
import { captured, createAppDriver, iso, MINUTE, NOW, type AppDriver } from './app-driver';

const ACTIONS = ['close', 'quit', 'shutdown', 'hide', 'crash', 'restart', 'invalidSubmit', 'validSubmit', 'closeOut', 'callEnds', 'startCall'] as const;
type Action = (typeof ACTIONS)[number];
const RUNS = Number(process.env['GATE_MODEL_RUNS'] ?? 300);

interface Model {
  owed: string[];
  live: string | null;
  running: boolean;
  /** Each meeting's deal; closing a deal out settles every wrap-up it owed. */
  threadOf: Map<string, string>;
}

async function startCall(d: AppDriver, m: Model, n: number): Promise<void> {
  const meeting = await d.call('review', 'createMeeting', {
    account: `Account ${n}`,
    title: `Call ${n}`,
    start: iso(NOW + n * MINUTE),
    end: iso(NOW + (n + 30) * MINUTE),
  });
  m.threadOf.set(meeting.id, meeting.threadId);
  await d.call('review', 'startMeeting', { id: meeting.id });
  if (m.live) m.owed.push(m.live); // the next call starting ends the running one
  m.live = meeting.id;
}

async function step(d: AppDriver, m: Model, action: Action, n: number): Promise<void> {
  if (!m.running) {
    await d.launch();
    m.running = true;
  }
  const owed = m.owed.length > 0;
  const wrapUp = d.running.windows.get('wrapup');
  switch (action) {
    case 'close':
      if (wrapUp && !wrapUp.isDestroyed()) expect(d.windowOf('wrapup').close().defaultPrevented).toBe(owed);
      break;
    case 'quit': {
      const quitting = captured(app, 'before-quit', () => app.quit());
      expect(quitting.defaultPrevented).toBe(owed);
      if (!owed) {
        await app.whenExited();
        m.running = false;
      }
      break;
    }
    case 'shutdown': {
      powerMonitor.emit('shutdown', new FakeEvent());
      expect(captured(app, 'before-quit', () => app.quit()).defaultPrevented).toBe(false);
      await app.whenExited();
      m.running = false;
      break;
    }
    case 'hide':
      wrapUp?.hide();
      break;
    case 'crash':
      if (wrapUp && !wrapUp.isDestroyed()) d.windowOf('wrapup').webContents.crash('crashed');
      break;
    case 'restart':
      await d.exitApp();
      m.running = false;
      break;
    case 'invalidSubmit': {
      const target = m.owed[0] ?? 'no-such-meeting';
      const reply = await d.reply('wrapup', 'logNextStep', { meetingId: target, what: 'follow up', when: 'next week', agreed: 'yes' });
      expect(reply.ok).toBe(false);
      break;
    }
    case 'validSubmit':
      if (m.owed[0]) {
        await d.logValidNextStep(m.owed[0]);
        m.owed.shift();
      }
      break;
    case 'closeOut':
      if (m.owed[0]) {
        const thread = m.threadOf.get(m.owed[0]);
        await d.closeOutThread(m.owed[0]);
        m.owed = m.owed.filter((id) => m.threadOf.get(id) !== thread);
      }
      break;
    case 'callEnds':
      await startCall(d, m, n);
      await d.call('overlay', 'endCall', { meetingId: m.live! });
      m.owed.push(m.live!);
      m.live = null;
      break;
    case 'startCall':
      await startCall(d, m, n);
      break;
  }
}

/** What the rep must see whenever the app is up: an owed wrap-up in front, unless a call is live. */
function expectWindows(d: AppDriver, m: Model): void {
  if (!m.running) return;
  const wrapUp = d.running.windows.get('wrapup');
  if (m.live) expect(wrapUp?.isVisible() ?? false).toBe(false);
}

describe('wrap-up gate model', () => {
  it(`no wrap-up escapes over ${RUNS} random sequences of actions`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...ACTIONS), { minLength: 1, maxLength: 14 }), async (actions) => {
        const d = await createAppDriver();
        const m: Model = { owed: [], live: null, running: false, threadOf: new Map() };
        try {
          for (const [n, action] of actions.entries()) {
            await step(d, m, action, n);
            expect((await d.owedOnDisk()).sort()).toEqual([...m.owed].sort());
            expectWindows(d, m);
          }
          // Finally: a fresh start with something owed and no call live puts the wrap-up in front.
          await d.exitApp();
          await d.launch();
          const shown = d.running.windows.get('wrapup')?.isVisible() ?? false;
          expect(shown).toBe(m.owed.length > 0 && !m.live);
        } finally {
          await d.dispose();
        }
      }),
      { numRuns: RUNS },
    );
  }, 600_000);
});
