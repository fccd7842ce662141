// A child process for the time-zone test (plain Node, bundled once; its time zone comes from the TZ environment
// variable, as an OS setting would). It opens the real core on a data folder with a frozen clock, runs the steps it
// is given through `dispatch` — switching TZ between steps, as the OS does when the rep's zone changes mid-day —
// and prints, after each step, what the rep would see: the live prompt, the wrap-up owed, today's review, the stored
// instants. The parent compares these across zones.
//   node zone-child.mjs <dataDir> <json: { now: number, steps: Step[] }>
import { createHash } from 'node:crypto';
import type { MethodName } from '../../../shared/contract';
import { TestClock } from '../../../electron/main/core/clock';
import { dispatch } from '../../../electron/main/core/dispatch';
import { createCore } from '../../../electron/main/core/index';
import { documentOnDisk } from '../../support/on-disk';

export interface Step {
  /** The time zone from this step on (process.env.TZ, which Node re-reads at once). */
  tz?: string;
  /** Moves the core's clock to this instant (ms). */
  at?: number;
  call?: { method: MethodName; input?: unknown };
}

export interface Seen {
  zone: string;
  localHour: number;
  reply: unknown;
  prompt: string | null;
  promptDueAt: number | null;
  wrapUp: string | null;
  owed: string[];
  today: { day: string; titles: string[] };
  meetings: { id: string; start: string; end: string; startedAt?: string; endedAt?: string }[];
  steps: { when: string }[];
  fileSha: string;
}

const [dataDir = '', json = '{}'] = process.argv.slice(2);
const { now, steps } = JSON.parse(json) as { now: number; steps: Step[] };

const clock = new TestClock(now, { running: false });
const core = await createCore({ dataDir, clock });
const ok = async (method: MethodName, input?: unknown) => dispatch(core.handlers, method, input);
const seen: Seen[] = [];
for (const step of steps) {
  if (step.tz) process.env['TZ'] = step.tz;
  if (step.at !== undefined) clock.set(step.at);
  const reply = step.call ? await ok(step.call.method, step.call.input) : null;
  const live = (await ok('getLive')) as { ok: true; value: { prompt: { kind: string; dueAt: number } | null } | null };
  const modes = (await ok('getReviewModes')) as { ok: true; value: { today: { day: string; calls: { title: string }[] } } };
  const doc = core.store.data;
  seen.push({
    zone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    localHour: new Date(clock.now()).getHours(),
    reply,
    prompt: live.value?.prompt?.kind ?? null,
    promptDueAt: live.value?.prompt?.dueAt ?? null,
    wrapUp: core.wrapUpMeetingId(),
    owed: doc.meetings.filter((m) => m.status === 'wrapping-up').map((m) => m.id),
    today: { day: modes.value.today.day, titles: modes.value.today.calls.map((c) => c.title) },
    meetings: doc.meetings.map(({ id, start, end, startedAt, endedAt }) => ({ id, start, end, startedAt, endedAt })),
    steps: doc.nextSteps.map(({ when }) => ({ when })),
    // What is stored (the live file with its journal), not how: a close writes the same data as one whole file.
    fileSha: createHash('sha256').update(JSON.stringify(documentOnDisk(dataDir))).digest('hex'),
  });
}
await core.close();
clock.dispose();
process.stdout.write(JSON.stringify(seen));
