// The process the kill test kills (plain Node, bundled once by kill-harness.ts). It opens a store in the folder it
// is given and appends numbered next steps as fast as it can, printing "ack <n>" only once update(n) has resolved —
// that is the promise under test. It brackets each commit (an append to the journal, or the rename of a whole live
// file over the old one) with "in-write" / "written" and, in
// 'in-write' mode, lingers inside that window so a kill lands there often (a slow disk, made on purpose). The
// 'compacting' store logs steps already done and long past, and moves them into the archive files after each one,
// so kills land inside moves between the live file and an archive.
//   node kill-child.mjs <dir> <durable|plain|compacting> <in-write|random>
import { writeSync } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Low, type Adapter } from 'lowdb';
import type { StoreDocument } from '../../../shared/domain';
import { systemClock } from '../../../electron/main/core/clock';
import { nodeFsOps, openStore } from '../../../electron/main/core/store';
import type { DurableStore } from '../../../electron/main/core/store/durable-store';
import { JOURNAL_FILE, STORE_FILE } from '../../../electron/main/core/store/file-names';
import type { OpenFile } from '../../../electron/main/core/store/fs-ops';
import { nextStep } from './records';

export type ChildStore = 'durable' | 'plain' | 'compacting';
export type KillMode = 'in-write' | 'random';
const LINGER_MS = 25;

const [dir = '', kind, mode] = process.argv.slice(2) as [string, ChildStore, KillMode];
const live = join(dir, STORE_FILE);
const journal = join(dir, JOURNAL_FILE);
// Synchronous, so a line is in the pipe before the next step starts: the parent never misses an ack that happened.
const say = (line: string) => writeSync(1, `${line}\n`);

async function inWriteWindow<T>(commit: () => Promise<T>): Promise<T> {
  say('in-write');
  if (mode === 'in-write') await sleep(LINGER_MS);
  const result = await commit();
  say('written');
  return result;
}

/** The negative control: what a naive store does — overwrite the file in place (open truncates, then write). */
class InPlaceAdapter implements Adapter<StoreDocument> {
  read = async () => JSON.parse(await readFile(live, 'utf8')) as StoreDocument;
  async write(doc: StoreDocument) {
    const file = await open(live, 'w');
    await inWriteWindow(() => file.writeFile(JSON.stringify(doc, null, 2)));
    await file.close();
  }
}

// Far enough ahead that everything the child logs is settled history (see settled.ts); its timers never fire.
const QUARTER_AHEAD = { now: () => Date.now() + 90 * 86_400_000, at: () => () => {} };

async function openChildStore(): Promise<{ update(mutate: (d: StoreDocument) => void): Promise<unknown>; compactNow?: () => Promise<number> }> {
  if (kind === 'plain') {
    const low = new Low<StoreDocument>(new InPlaceAdapter(), {} as StoreDocument);
    await low.read();
    return low;
  }
  // The real store; only its commits are bracketed: the journal's appends, and the rename of a temp file over the
  // live file.
  const rename = (from: string, to: string) => nodeFsOps.rename(from, to);
  const write = (file: OpenFile, data: Uint8Array) => nodeFsOps.write(file, data);
  const store = await openStore({
    dir,
    clock: kind === 'compacting' ? QUARTER_AHEAD : systemClock,
    fsOps: {
      ...nodeFsOps,
      rename: (from, to) => (to === live ? inWriteWindow(() => rename(from, to)) : rename(from, to)),
      write: (file, data) => (file.path === journal ? inWriteWindow(() => write(file, data)) : write(file, data)),
    },
  });
  if (kind !== 'compacting') return store;
  return { update: (mutate) => store.update(mutate), compactNow: () => (store as DurableStore).compactNow() };
}

const store = await openChildStore();
await store.compactNow?.(); // the seed's meetings move first: a kill in 'in-write' mode may land in this move
say('ready');
for (let n = 1; ; n++) {
  const step = kind === 'compacting' ? { ...nextStep(n), status: 'done' as const } : nextStep(n);
  await store.update((d) => void d.nextSteps.push(step));
  say(`ack ${n}`);
  await store.compactNow?.();
}
