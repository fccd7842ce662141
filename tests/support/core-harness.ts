// A real core on a real temp data folder with a test clock: what the service tests (and anything else that wants
// the whole core without a host) drive through the same `dispatch` the hosts use.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Events, EventName, MethodName, MethodRawInput, MethodResult, Reply } from '../../shared/contract';
import { TestClock } from '../../electron/main/core/clock';
import { dispatch } from '../../electron/main/core/dispatch';
import { createCore, type Core } from '../../electron/main/core/index';
import type { FsOps } from '../../electron/main/core/store';

export const T0 = Date.parse('2026-11-23T09:00:00.000Z');
export const iso = (ms: number) => new Date(ms).toISOString();
export const minutes = (n: number) => n * 60_000;

export interface TestCore {
  core: Core;
  clock: TestClock;
  dataDir: string;
  events: { event: EventName; payload: Events[EventName] }[];
  /** Any payload, valid or not, as a page (or an attacker) could send it. */
  call<K extends MethodName>(name: K, input?: unknown): Promise<Reply<MethodResult<K>>>;
  /** Like `call`, but fails the test on an error reply. */
  ok<K extends MethodName>(name: K, input?: MethodRawInput<K>): Promise<MethodResult<K>>;
  reopen(): Promise<TestCore>;
  dispose(): Promise<void>;
}

export async function openTestCore(options: { dataDir?: string; now?: number; fsOps?: FsOps } = {}): Promise<TestCore> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'second-step-core-'));
  const clock = new TestClock(options.now ?? T0, { running: false });
  const core = await createCore({ dataDir, clock, ...(options.fsOps ? { fsOps: options.fsOps } : {}) });
  const events: TestCore['events'] = [];
  core.onEvent((event, payload) => events.push({ event, payload }));
  const call = ((name: MethodName, input?: unknown) => dispatch(core.handlers, name, input)) as TestCore['call'];
  const self: TestCore = {
    core,
    clock,
    dataDir,
    events,
    call,
    async ok(name, input) {
      const reply = await call(name, input);
      if (!reply.ok) throw new Error(`${name} failed: ${JSON.stringify(reply.error)}`);
      return reply.value;
    },
    async reopen() {
      await core.close();
      clock.dispose();
      return openTestCore({ dataDir, now: clock.now(), ...(options.fsOps ? { fsOps: options.fsOps } : {}) });
    },
    async dispose() {
      await core.close();
      clock.dispose();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return self;
}

/** A typical discovery call, starting at T0 + 1 h, for 30 minutes. */
export const discoveryCall = (overrides: Partial<MethodRawInput<'createMeeting'>> = {}): MethodRawInput<'createMeeting'> => ({
  account: 'Acme Logistics',
  title: 'Discovery with Acme',
  start: iso(T0 + minutes(60)),
  end: iso(T0 + minutes(90)),
  stage: 'First meeting',
  purpose: 'Learn how Acme plans routes today and whether our planner fits',
  idealOutcome: 'A demo with their ops lead',
  agenda: [{ text: 'Their current routing process' }, { text: 'Pain points' }, { text: 'Agree the next step' }],
  ...overrides,
});

/** A next step that passes every hard requirement, a week after T0. */
export const goodStep = (
  meetingId: string,
  overrides: Partial<MethodRawInput<'logNextStep'>> = {},
): MethodRawInput<'logNextStep'> => ({
  meetingId,
  kind: 'demo',
  what: 'Demo with Dana (ops lead)',
  when: iso(T0 + minutes(60 * 24 * 7)),
  owner: 'both',
  purpose: 'Show route planning on their depot data',
  bring: 'Sample plan from their depot list',
  agreed: true,
  ...overrides,
});
