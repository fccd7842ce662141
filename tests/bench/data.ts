// Runs in Node (`npm run bench`). Data for the benchmarks, all from the shared seed generator (tests/support/
// seed-year.ts): N years of one rep's work are N seeded years laid end to end, 52 weeks apart. Only the newest year is
// "now"; in the older ones, what was still ahead at their end (planned calls, the one pending wrap-up, open steps)
// has long happened, so it is marked so. Ids get a per-year prefix so the years never clash.
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Meeting, type StoreDocument } from '../../shared/domain';
import { openStore } from '../../electron/main/core/store';
import type { DurableStore } from '../../electron/main/core/store/durable-store';
import { seedYear } from '../support/seed-year';

/** A Wednesday late afternoon, like the review's e2e test (the browser runs in UTC). */
export const NOW = '2026-03-04T16:30:00.000Z';
const WEEK = 7 * 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** One seeded year ending at `now`; for an older year (`k` > 0) its ids are prefixed `y<k>-` and its future is past. */
function year(k: number): StoreDocument {
  const now = Date.parse(NOW) - k * 52 * WEEK;
  const doc = seedYear({ now: iso(now), seed: 20_260_302 + k, timeZone: 'UTC' });
  if (k === 0) return doc;
  const older = JSON.parse(JSON.stringify(doc).replace(/"([tms])-(\d{4,5})/g, `"$1-y${k}-$2`)) as StoreDocument;
  for (const m of older.meetings) {
    if (m.status !== 'planned' && m.status !== 'wrapping-up') continue;
    Object.assign(m, { status: 'done', startedAt: m.start, endedAt: m.end, outcome: 'achieved' });
  }
  for (const s of older.nextSteps) {
    if (s.status !== 'open') continue;
    s.status = 'done';
    s.history = [...s.history, { action: 'done', at: s.when }];
  }
  return older;
}

/** `years` years of history, oldest first, as one store document. */
export function seedYears(years: number, cache = new Map<number, StoreDocument>()): StoreDocument {
  const parts: StoreDocument[] = [];
  for (let k = years - 1; k >= 0; k--) {
    if (!cache.has(k)) cache.set(k, year(k));
    parts.push(cache.get(k)!);
  }
  const newest = parts[parts.length - 1]!;
  return {
    ...newest,
    threads: parts.flatMap((p) => p.threads),
    meetings: parts.flatMap((p) => p.meetings),
    nextSteps: parts.flatMap((p) => p.nextSteps),
    drafts: parts.flatMap((p) => p.drafts),
  };
}

/** Calls held today whose wrap-up is still owed: one per "log a step" sample, in a deal of their own. */
export function withPendingWrapUps(doc: StoreDocument, count: number): StoreDocument {
  const thread = doc.threads.find((t) => t.status === 'open')!;
  const start = Date.parse(NOW) - 8 * 3_600_000;
  const owed = Array.from({ length: count }, (_, i) =>
    Meeting.parse({
      id: `bench-wrap-${i}`,
      threadId: thread.id,
      title: `Bench call ${i}`,
      start: iso(start + i * 60_000),
      end: iso(start + i * 60_000 + 30 * 60_000),
      stage: 'Follow-up',
      purpose: 'Check we understood their two biggest problems and size them',
      agenda: [{ id: `bench-wrap-${i}-a0`, text: 'Agree the next step', done: true }],
      source: { kind: 'manual' },
      status: 'wrapping-up',
      startedAt: iso(start + i * 60_000),
      endedAt: iso(start + i * 60_000 + 29 * 60_000),
    }),
  );
  return { ...doc, meetings: [...doc.meetings, ...owed] };
}

/** The bytes the store itself writes for `doc` (indented JSON, see durable-json-adapter.ts). */
export const storeBytes = (doc: StoreDocument) => Buffer.from(`${JSON.stringify(doc, null, 2)}\n`);

/** A fresh data folder holding `doc` as the live store file. */
export async function dataFolder(doc: StoreDocument, label: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `second-step-bench-${label}-`));
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'second-step.json'), storeBytes(doc));
  return dir;
}

/** The core clock at the bench's "now"; its timers never fire, so compaction runs only when asked. */
const benchClock = { now: () => Date.parse(NOW), at: () => () => {} };

/** Opens a single-file folder once and moves its settled history into archive files, as the app does after open. */
export async function splitFolder(dir: string): Promise<number> {
  const store = (await openStore({ dir, clock: benchClock, now: benchClock.now })) as DurableStore;
  const moved = await store.compactNow();
  await store.close();
  return moved;
}
