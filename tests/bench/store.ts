// Runs in Node (`npm run bench`). Suite 1, the store: logging a next step through the real core (`logNextStep`, the
// wrap-up's exit: the change built with immer, the touched-only check, durable write) and opening the store cold, at
// 1, 5 and 10 years of data — side by side, round after round, with (a) the physical floor (append 1 KB to a file and
// fdatasync it) and (b) `conf` (electron-store's engine) holding the same data. Our folders are split as the app
// splits them: settled history in per-year archive files, the live document small. Then a breakdown of one write at
// 1 and 10 years, to show which part of it grows with history.
import { mkdtemp, open, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import type { StoreDocument } from '../../shared/domain';
import { storeImmer } from '../../electron/main/core/store/drafts';
import { DurableJsonAdapter, serialize } from '../../electron/main/core/store/durable-json-adapter';
import type { DurableStore } from '../../electron/main/core/store/durable-store';
import { nodeFsOps } from '../../electron/main/core/store/fs-ops';
import { openStore } from '../../electron/main/core/store';
import { TouchedCheck } from '../../electron/main/core/store/touched-check';
import { openTestCore, type TestCore } from '../support/core-harness';
import { dataFolder, NOW, seedYears, splitFolder, withPendingWrapUps } from './data';
import { fmt, goalMax, ratioRow, row, stats, type Row, type Stats } from './report';
import { timed, type SuiteOptions, type SuiteResult } from './suite';

const SUITE = 'Store';
/** A full collection (the bench runs with --expose-gc), then a pause for V8's sweeper threads to finish it: on 2 cores they would otherwise compete
 * with the load that follows (measured: 17–28 ms for the same 1 y open after a pause, 34–51 ms straight after). */
const settledHeap = async () => {
  (globalThis as { gc?: () => void }).gc?.();
  await new Promise((done) => setTimeout(done, 100));
};
const SIZES = [1, 5, 10] as const;
type Size = (typeof SIZES)[number];
const DAY = 86_400_000;

/** The wrap-up the rep submits: a demo next week (it also puts the demo in the diary as a planned meeting). */
const stepInput = (meetingId: string) => ({
  meetingId,
  kind: 'demo' as const,
  what: 'Demo of route planning for the operations team',
  when: new Date(Date.parse(NOW) + 7 * DAY).toISOString(),
  owner: 'both' as const,
  purpose: 'Show route planning on their own depot data',
  bring: 'A sample plan built from their depot list',
  agreed: true,
});

interface Side {
  size: Size;
  bytes: number;
  /** The live file once settled history moved into the archive files, and how many records moved. */
  liveBytes: number;
  moved: number;
  ourDir: string;
  confDir: string;
  doc: StoreDocument;
}

export async function storeSuite({ quick, log }: SuiteOptions): Promise<SuiteResult> {
  const rounds = { cold: quick ? 3 : 5, log: quick ? 5 : 11, breakdown: quick ? 3 : 5 };
  const warmup = 2;
  const cache = new Map<number, StoreDocument>();
  const sides: Side[] = [];
  for (const size of SIZES) {
    log(`store: seeding ${size} year(s)…`);
    const doc = withPendingWrapUps(seedYears(size, cache), warmup + rounds.log);
    const ourDir = await dataFolder(doc, `store-${size}y`);
    const moved = await splitFolder(ourDir);
    const confDir = await dataFolder(doc, `conf-${size}y`);
    // conf's own format: tab-indented JSON in config.json.
    const confText = JSON.stringify(doc, undefined, '\t');
    await writeFile(join(confDir, 'config.json'), confText);
    await rm(join(confDir, 'second-step.json'));
    sides.push({ size, bytes: Buffer.byteLength(serialize(doc)), liveBytes: (await stat(join(ourDir, 'second-step.json'))).size, moved, ourDir, confDir, doc });
  }
  cache.clear();

  // --- the floor: append 1 KB to a file and fdatasync it ---
  const floorFile = join(sides[0]!.ourDir, 'floor.log');
  const floorHandle = await open(floorFile, 'a');
  const kilobyte = Buffer.alloc(1024, 'x');
  const floorOnce = async () => (await timed(async () => {
    await floorHandle.write(kilobyte);
    await floorHandle.datasync();
  })).ms;

  // --- cold load, side by side: openStore vs new Conf() + read ---
  log('store: cold loads…');
  const cold = new Map<Size, { ours: number[]; history: number[]; historyStall: number[]; conf: number[] }>(
    SIZES.map((s) => [s, { ours: [], history: [], historyStall: [], conf: [] }]),
  );
  for (let r = 0; r < rounds.cold; r++) {
    for (const side of sides) {
      let store: Awaited<ReturnType<typeof openStore>> | undefined;
      // Each load starts without the garbage the one before left (a 10-year history is tens of MB): otherwise its
      // collection lands in whichever load comes next, ours or conf's.
      await settledHeap();
      const ours = await timed(async () => {
        store = await openStore({ dir: side.ourDir, now: () => Date.parse(NOW) });
        if (store.data.meetings.length === 0) throw new Error('empty store');
      });
      // What follows the open in the background: the archives read into the history (the review, export and backups
      // need it; the overlay, the wrap-up and every change do not).
      const history = await timed(() => store!.whole());
      await store!.close(); // not timed: drains the backup the open queues in the background
      cold.get(side.size)!.history.push(history.ms);
      cold.get(side.size)!.historyStall.push(history.stallMs);
      await settledHeap();
      const conf = await timed(() => {
        const c = new Conf<Record<string, unknown>>({ cwd: side.confDir, configName: 'config' });
        if ((c.store['meetings'] as unknown[]).length === 0) throw new Error('empty conf');
      });
      cold.get(side.size)!.ours.push(ours.ms);
      cold.get(side.size)!.conf.push(conf.ms);
    }
  }

  // --- log a next step, side by side: the core's logNextStep vs conf.set of the same change vs the floor ---
  log('store: logging steps…');
  const cores = new Map<Size, TestCore>();
  const confs = new Map<Size, { conf: Conf<Record<string, unknown>>; doc: StoreDocument }>();
  let next = 0;
  const owed = () => `bench-wrap-${next}`;
  const confChange = (c: { conf: Conf<Record<string, unknown>>; doc: StoreDocument }, i: number) => {
    // The same change logNextStep makes: the call is done, a step and the planned demo are added.
    const id = `bench-wrap-${i}`;
    const meetings = c.doc.meetings.map((m) => (m.id === id ? { ...m, status: 'done' as const } : m));
    const { meetingId: _meeting, ...fields } = stepInput(id);
    const step = { ...fields, id: `conf-step-${i}`, threadId: c.doc.threads[0]!.id, fromMeetingId: id, durationMinutes: 30, status: 'open' as const, createdAt: NOW, history: [] };
    const planned = { ...c.doc.meetings[0]!, id: `conf-planned-${i}`, status: 'planned' as const };
    c.doc = { ...c.doc, meetings: [...meetings, planned], nextSteps: [...c.doc.nextSteps, step] };
    c.conf.set({ meetings: c.doc.meetings, nextSteps: c.doc.nextSteps });
  };
  for (const side of sides) {
    const core = await openTestCore({ dataDir: side.ourDir, now: Date.parse(NOW) });
    // As the app runs all day: the records it opened are prepared (frozen, encoded) in slices after open; a step is
    // logged minutes later, not in the store's first second.
    await (core.core.store as DurableStore).prepared();
    cores.set(side.size, core);
    confs.set(side.size, { conf: new Conf<Record<string, unknown>>({ cwd: side.confDir, configName: 'config' }), doc: side.doc });
  }
  const logOnce = (size: Size) => cores.get(size)!.ok('logNextStep', stepInput(owed()));
  // Warm-up: the first write of the day also takes the daily backup (in the background, but the next write queues
  // behind it); the JIT warms up too.
  for (let w = 0; w < warmup; w++) {
    for (const size of SIZES) {
      await logOnce(size);
      confChange(confs.get(size)!, next);
    }
    next++;
  }
  const logs = new Map<Size, { ours: number[]; stall: number[]; conf: number[] }>(SIZES.map((s) => [s, { ours: [], stall: [], conf: [] }]));
  const floor: number[] = [];
  for (let r = 0; r < rounds.log; r++, next++) {
    floor.push(await floorOnce());
    for (const size of SIZES) {
      const ours = await timed(() => logOnce(size));
      const conf = await timed(() => confChange(confs.get(size)!, next));
      logs.get(size)!.ours.push(ours.ms);
      logs.get(size)!.stall.push(ours.stallMs);
      logs.get(size)!.conf.push(conf.ms);
    }
    floor.push(await floorOnce());
  }
  await floorHandle.close();

  // --- breakdown of one write: which part costs what ---
  log('store: breakdown…');
  const parts = ['immer produce (the change)', 'touched-only check', 'journal: the change as a line, appended + fdatasync'] as const;
  const WHOLE = 'the live file written whole (split, serialize, temp + fsync + rename + fsync dir), once per ~1 MB of journal';
  const breakdown = new Map<Size, Map<string, number[]>>();
  for (const size of [1, 10] as const) {
    const doc = cores.get(size)!.core.store.data;
    const scratchDir = await mkdtemp(join(tmpdir(), `second-step-bench-breakdown-${size}y-`));
    const adapter = new DurableJsonAdapter(join(scratchDir, 'second-step.json'), nodeFsOps);
    await adapter.write(doc); // the live document: the core's folder is split already
    const times = new Map<string, number[]>([...parts, WHOLE].map((p) => [p, []]));
    const check = new TouchedCheck();
    check.check(doc, doc); // builds the id index once, as the store's first update does
    const owedCall = doc.meetings.findIndex((m) => m.status === 'wrapping-up');
    for (let r = 0; r < rounds.breakdown; r++) {
      let after: StoreDocument | undefined;
      const add = (part: string, ms: number) => times.get(part)!.push(ms);
      // The change logNextStep makes: the call is done, a step and the planned demo are added.
      const change = (d: StoreDocument) => {
        d.meetings[owedCall]!.status = 'done';
        d.nextSteps.push({ ...d.nextSteps[0]!, id: `breakdown-step-${r}` });
        d.meetings.push({ ...d.meetings[0]!, id: `breakdown-demo-${r}`, status: 'planned' });
      };
      add('immer produce (the change)', (await timed(() => (after = storeImmer.produce(doc, change)))).ms);
      add('touched-only check', (await timed(() => {
        if (!check.check(doc, after).ok) throw new Error('the breakdown change was refused');
      })).ms);
      const checked = check.check(doc, after);
      if (!checked.ok) throw new Error(checked.reason);
      add('journal: the change as a line, appended + fdatasync', (await timed(() => adapter.save(doc, checked.doc))).ms);
      add(WHOLE, (await timed(() => adapter.write(checked.doc))).ms);
    }
    breakdown.set(size, times);
    await rm(scratchDir, { recursive: true, force: true });
  }

  for (const core of cores.values()) await core.dispose();
  for (const side of sides) await rm(side.confDir, { recursive: true, force: true });

  // --- rows ---
  const rows: Row[] = [];
  const floorStats = stats(floor);
  rows.push(row(SUITE, 'floor: append 1 KB + fdatasync (baseline)', 'ms', floor));
  const logStats = new Map<Size, Stats>(SIZES.map((s) => [s, stats(logs.get(s)!.ours)]));
  for (const size of SIZES) {
    const l = logs.get(size)!;
    const years = `${size} y`;
    rows.push(row(SUITE, `conf.set of the same change, ${years} (baseline)`, 'ms', l.conf));
    rows.push(ratioRow(SUITE, `log a step (core logNextStep), ${years}, vs floor`, logStats.get(size)!, { label: 'floor', stats: floorStats }, 'ms', 10));
    rows.push(ratioRow(SUITE, `log a step, ${years}, vs conf`, logStats.get(size)!, { label: 'conf.set', stats: stats(l.conf) }, 'ms', 0.25));
  }
  rows.push(ratioRow(SUITE, 'log a step, 10 y vs 1 y (flat in history)', logStats.get(10)!, { label: 'log a step 1 y', stats: logStats.get(1)! }, 'ms', 1.2));
  for (const size of SIZES) {
    rows.push(row(SUITE, `longest event-loop stall while logging a step, ${size} y`, 'ms', logs.get(size)!.stall));
  }
  for (const size of SIZES) {
    const c = cold.get(size)!;
    rows.push(row(SUITE, `conf cold: new Conf() + read, ${size} y (baseline)`, 'ms', c.conf));
    rows.push(ratioRow(SUITE, `cold load (openStore), ${size} y, vs conf`, stats(c.ours), { label: 'conf cold', stats: stats(c.conf) }, 'ms', 0.5));
    rows.push(row(SUITE, `· then, after the open, the history read from the archives, ${size} y`, 'ms', c.history));
    // The same rule as a calendar import: the main process keeps answering IPC (the overlay's events) meanwhile.
    rows.push(row(SUITE, `· longest event-loop stall while the history is read, ${size} y`, 'ms', c.historyStall, goalMax(50, 'ms', stats(c.historyStall).max, 'max')));
  }
  for (const [size, times] of breakdown) {
    for (const part of [...parts, WHOLE]) rows.push(row(SUITE, `one write at ${size} y: ${part}`, 'ms', times.get(part)!));
  }

  // --- notes ---
  const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;
  const shares = (size: Size) => {
    const times = breakdown.get(size as 1 | 10)!;
    const medians = parts.map((p) => [p, stats(times.get(p)!).median] as const);
    const total = medians.reduce((sum, [, ms]) => sum + ms, 0);
    const sorted = [...medians].sort((a, b) => b[1] - a[1]);
    return { total, text: sorted.map(([p, ms]) => `${p} ${fmt(ms)} ms (${Math.round((ms / total) * 100)}%)`).join(', ') };
  };
  const b1 = shares(1);
  const b10 = shares(10);
  const notes = [
    `Data: ${SIZES.map((s) => { const side = sides.find((x) => x.size === s)!; return `${s} y = ${side.doc.meetings.length} meetings, ${side.doc.nextSteps.length} steps, ${side.doc.threads.length} deals, ${mb(side.bytes)} as one file (live file ${mb(side.liveBytes)} once ${side.moved} settled records moved into archives)`; }).join('; ')} ` +
      '(tests/support/seed-year.ts, years laid end to end by tests/bench/data.ts).',
    `Method: ${rounds.log} rounds after ${warmup} warm-up rounds; each round times the floor, then for 1, 5 and 10 years the core's ` +
      '`logNextStep` (dispatch → zod input check → handler → store.update → the journal line on disk → `changed` event) and a `conf.set` of the same change ' +
      `(the call marked done, the step and the planned demo added), once each core has prepared the records it opened (frozen and encoded in slices after open, ` +
      `as the app does in its first seconds). Cold loads: ${rounds.cold} rounds of \`openStore\` until it hands out the store (the live file and its journal: read, ` +
      'then parse and dedupe — the schema check is skipped when the journal\'s checkpoint vouches for the bytes); then, timed apart, what follows in the ' +
      'background: the archives read into the history (read, hash, parse; one whose hash does not match is validated in full); what it does next in ' +
      'slices (preparing the records, the backup at open) is drained outside the timing; and of `new Conf({cwd})` + `.store`. Both in one warm Node ' +
      'process, files in the page cache, each load after a full collection and 100 ms for its sweeping to finish.',
    `One write at 1 y costs about ${fmt(b1.total)} ms in its parts: ${b1.text}.`,
    `One write at 10 y costs about ${fmt(b10.total)} ms in its parts: ${b10.text}. (The parts are timed one by one on the document ` +
      'the core holds, in rounds of their own, so their sum is close to the logNextStep median but not equal to it.)',
    'What a change costs now: it is made on the live document only — what may still change (planned and owed calls, open steps, open deals, ' +
      'the last 60 days) and whatever those refer to — so it costs the same after ten years as after one. Settled history (a finished meeting, ' +
      'a done or missed step, a closed deal, 60 days on, that nothing live refers to: settled.ts) moves once a day into one compact archive file ' +
      'per year, named by its hash and listed with its SHA-256 in the live file; the archive years first, then the live file without them (the ' +
      'one commit point). The store reads the archives after it opens, into a history of its own that the review, the export and the backups ' +
      'merge with the live document; a change to an archived record takes it back into the live document first (its year rewritten without ' +
      'it, then the live file with it). A change is built with immer (what it does not touch is shared), only the records it changed or added ' +
      'are validated and checked for a clashing id, and it is made durable as one line of the journal (journal.ts: the records it set, the ids ' +
      'it removed, a checksum), appended and fdatasync\'ed. The live file is written whole (temp file, fsync, rename, fsync folder) once the ' +
      'journal passes 1 MB, at compaction, at close and at an open that found changes in the journal; a kill mid-append leaves a torn last line ' +
      'that was never acknowledged and is left out. Backups stay whole documents (one a day, and one at open, in the background).',
  ];
  return { rows, notes };
}
