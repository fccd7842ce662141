// A full disk (ENOSPC) and an unwritable folder (EACCES), simulated at the store's file operations (Node, real temp
// folders, a frozen test clock): the rep is told in plain words, nothing in memory is lost, the save is retried with
// backoff on the core clock until it works, changes made meanwhile are written together by the next retry, and an
// update never resolves ("saved") for a change that is not on disk.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TestClock } from '../../../electron/main/core/clock';
import { StoreWriteDelayedError, openStore, type Store } from '../../../electron/main/core/store';
import { RETRY_DELAYS_MS } from '../../../electron/main/core/store/save-retry';
import { STORE, liveOnDisk, sha256, switchableDisk, useTempDirs } from './helpers';
import { nextStep } from './records';

const tempDir = useTempDirs();
const T0 = Date.UTC(2026, 10, 23, 9);
const stepIds = (doc: { nextSteps: { id: string }[] }) => doc.nextSteps.map((s) => s.id);
const onDisk = async (dir: string) => stepIds(await liveOnDisk(dir));
const addStep = (store: Store, n: number) => store.update((d) => void d.nextSteps.push(nextStep(n)));
/** A moment for queued work to run: enough to see a write that must NOT happen. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
/** Waits (on a busy machine, as long as it takes, up to 10 s) until the store's queued work has done `what`. */
async function until(what: () => boolean): Promise<void> {
  for (const end = Date.now() + 10_000; !what() && Date.now() < end; ) await new Promise((resolve) => setTimeout(resolve, 5));
}

async function storeWithOneStep() {
  const dir = await tempDir();
  const disk = switchableDisk();
  const clock = new TestClock(T0, { running: false });
  // The clock the store sees notes when each retry fires, so a test knows when to let the retry run.
  const retries = { fired: [] as number[], armed: 0 };
  const timing = {
    now: () => clock.now(),
    at: (at: number, fn: () => void) => ((retries.armed += 1), clock.at(at, () => (retries.fired.push(at), fn()))),
  };
  const store = await openStore({ dir, fsOps: disk.ops, now: () => clock.now(), clock: timing });
  await addStep(store, 1);
  await store.close(); // the backups at open and of the day are written: only the store's own writes follow
  let background = 0;
  store.onBackgroundChange(() => background++);
  return { dir, disk, clock, store, retries, background: () => background };
}

describe.each(['ENOSPC', 'EACCES'] as const)('a save that fails with %s', (code) => {
  it('keeps the change in memory, says so plainly, and saves it (with later changes) on the first retry that works', async () => {
    const { dir, disk, clock, store, background } = await storeWithOneStep();
    const fileBefore = await sha256(join(dir, STORE));
    const stepsBefore = await onDisk(dir);

    disk.failing = code;
    const first = addStep(store, 2);
    await expect(first).rejects.toBeInstanceOf(StoreWriteDelayedError);
    await expect(first).rejects.toThrow(/^Your change is kept, but it is not saved to disk yet \(.+\)\. Second Step keeps trying/);
    expect(stepIds(store.data)).toEqual(['step-1', 'step-2']); // kept and visible
    expect(stepIds(store.saved)).toEqual(['step-1']);
    expect(store.unsaved).toBe(true);
    expect(await sha256(join(dir, STORE))).toBe(fileBefore);
    expect(await onDisk(dir)).toEqual(stepsBefore); // nor is it in the journal
    expect(store.notice?.kind).toBe('write-failed');
    expect(store.notice?.message).toMatch(code === 'ENOSPC' ? /the disk is full/ : /not allowed to write to its data folder/);
    expect(store.notice?.message).toMatch(/Nothing is lost/);
    expect(store.notice?.message).toMatch(/keeps trying/);

    // Later changes queue behind the failed save: kept, answered at once, no write of their own.
    const attempts = disk.attempts;
    await expect(addStep(store, 3)).rejects.toBeInstanceOf(StoreWriteDelayedError);
    await expect(addStep(store, 4)).rejects.toBeInstanceOf(StoreWriteDelayedError);
    expect(disk.attempts).toBe(attempts);
    expect(stepIds(store.data)).toEqual(['step-1', 'step-2', 'step-3', 'step-4']);

    disk.failing = null;
    clock.advance(RETRY_DELAYS_MS[0] - 1);
    await settle();
    expect(disk.attempts).toBe(attempts); // not before its time
    clock.advance(1);
    await until(() => !store.unsaved);
    expect(disk.attempts).toBe(attempts + 1); // one write carried all three
    expect(await onDisk(dir)).toEqual(['step-1', 'step-2', 'step-3', 'step-4']);
    expect(store.unsaved).toBe(false);
    expect(store.notice).toBeNull();
    expect(background()).toBe(1); // the windows were told the notice went away

    await addStep(store, 5); // and it is back to normal: resolves once on disk
    expect(await onDisk(dir)).toContain('step-5');
    await store.close();
  });

  it('keeps retrying with growing waits through a long outage; the notice cannot be dismissed until it is saved', async () => {
    const { dir, disk, clock, store, retries } = await storeWithOneStep();
    disk.failing = code;
    await expect(addStep(store, 2)).rejects.toBeInstanceOf(StoreWriteDelayedError);

    const start = clock.now();
    for (let second = 1; second <= 3600; second++) {
      const fired = retries.fired.length;
      const armed = retries.armed;
      clock.advance(1000);
      // The retry runs (and fails, arming the next one) before time moves on.
      if (retries.fired.length !== fired) await until(() => retries.armed > armed);
      if (second === 600) {
        await store.acknowledgeNotice();
        expect(store.notice?.kind).toBe('write-failed');
        await expect(addStep(store, 3)).rejects.toBeInstanceOf(StoreWriteDelayedError);
      }
    }
    // Waits of 1, 2, 5, 10, 30 s, then once a minute: about 65 tries in the hour, never a tight loop.
    const tries = retries.fired.map((at) => (at - start) / 1000);
    expect(disk.attempts).toBeGreaterThanOrEqual(tries.length);
    const waits = tries.map((t, i) => t - (tries[i - 1] ?? 0));
    expect(waits.slice(0, 6)).toEqual([1, 2, 5, 10, 30, 60]);
    expect(Math.max(...waits)).toBe(60);
    expect(tries.length).toBeGreaterThan(55);
    expect(tries.length).toBeLessThan(70);
    expect(stepIds(store.data)).toEqual(['step-1', 'step-2', 'step-3']);
    expect(await onDisk(dir)).toEqual(['step-1']);

    disk.failing = null;
    clock.advance(60_000);
    await until(() => !store.unsaved);
    expect(await onDisk(dir)).toEqual(['step-1', 'step-2', 'step-3']);
    expect(store.notice).toBeNull();
    await store.close();
  });
});

describe('closing during an outage', () => {
  it('tries once more and resolves either way, without leaving a retry behind', async () => {
    const { dir, disk, clock, store } = await storeWithOneStep();
    disk.failing = 'ENOSPC';
    await expect(addStep(store, 2)).rejects.toBeInstanceOf(StoreWriteDelayedError);
    const attempts = disk.attempts;
    await store.close();
    expect(disk.attempts).toBe(attempts + 1);
    clock.advance(3_600_000);
    await settle();
    expect(disk.attempts).toBe(attempts + 1);

    disk.failing = null;
    await store.close(); // the disk is back: the last try saves it
    expect(await onDisk(dir)).toEqual(['step-1', 'step-2']);
    expect(store.notice).toBeNull();
  });

  it('brings back the notice the failure covered once the outage is over', async () => {
    const dir = await tempDir();
    const disk = switchableDisk();
    const clock = new TestClock(T0, { running: false });
    const first = await openStore({ dir, fsOps: disk.ops, clock });
    await addStep(first, 1);
    await first.close();
    // Reopen with the live file gone: the backup comes back with a notice, which an outage then covers.
    await import('node:fs/promises').then((fs) => fs.rm(join(dir, STORE)));
    const store = await openStore({ dir, fsOps: disk.ops, clock });
    expect(store.notice?.kind).toBe('restored-from-backup');
    disk.failing = 'EACCES';
    await expect(addStep(store, 2)).rejects.toBeInstanceOf(StoreWriteDelayedError);
    expect(store.notice?.kind).toBe('write-failed');
    disk.failing = null;
    clock.advance(RETRY_DELAYS_MS[0]);
    await until(() => !store.unsaved);
    expect(store.notice?.kind).toBe('restored-from-backup');
    await store.close();
  });
});
