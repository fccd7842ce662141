// The backup ring (Node, real temp folders, injected time): what is copied when, and what pruning keeps.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../electron/main/core/store';
import { backupsToKeep, type Backup } from '../../../electron/main/core/store/backups';
import { fileStamp } from '../../../electron/main/core/store/file-names';
import { useTempDirs } from './helpers';
import { nextStep } from './records';

const tempDir = useTempDirs();
const DAY = 86_400_000;
const start = new Date(2026, 10, 1, 9, 0).getTime(); // local time: calendar days are the rep's days
const backupsIn = async (dir: string) => (await readdir(join(dir, 'backups')).catch(() => [])).sort();
/** A backup's name without its sequence number (`.n3`), to compare names by time and reason. */
const withoutSeq = (name: string) => name.replace(/\.n\d+\./, '.');

describe('backupsToKeep', () => {
  it('keeps the 2 newest, the newest of each of the last 7 days with a backup, and the newest pre-migration one', () => {
    const premigration: Backup = { path: 'pm', time: start, seq: 1, reason: 'pre-migration' };
    // Three backups a day for 20 days, newest first.
    const daily = Array.from({ length: 60 }, (_, i): Backup => {
      const time = start + DAY + Math.floor(i / 3) * DAY + (i % 3) * 3_600_000;
      return { path: `b${i}`, time, seq: i + 2, reason: i % 3 ? 'daily' : 'open' };
    }).reverse();
    const kept = backupsToKeep([...daily, premigration]);
    expect(kept.map((b) => b.path)).toEqual(['b59', 'b58', 'b56', 'b53', 'b50', 'b47', 'b44', 'b41', 'pm']);
    expect(kept.length).toBeLessThanOrEqual(10);
  });

  it('also keeps the newest backup taken before a restore: the way back from it', () => {
    const prerestore: Backup = { path: 'pr', time: start, seq: 2, reason: 'pre-restore' };
    const older: Backup = { path: 'pr-old', time: start - DAY, seq: 1, reason: 'pre-restore' };
    const daily = Array.from({ length: 30 }, (_, i): Backup => ({ path: `b${i}`, time: start + (i + 1) * DAY, seq: i + 3, reason: 'daily' })).reverse();
    const kept = backupsToKeep([...daily, prerestore, older]).map((b) => b.path);
    expect(kept).toContain('pr');
    expect(kept).not.toContain('pr-old');
    expect(kept.length).toBeLessThanOrEqual(10);
  });
});

describe('the backup ring', () => {
  it('backs up at open, at most once a day on write, and not again for an unchanged file', async () => {
    const dir = await tempDir();
    let now = start;
    const open = () => openStore({ dir, now: () => now });

    const first = await open(); // first run: nothing worth a copy yet
    await first.update((d) => void d.nextSteps.push(nextStep(1))); // the first write of the day is copied
    await first.update((d) => void d.nextSteps.push(nextStep(2)));
    await first.close();
    expect(await backupsIn(dir)).toHaveLength(1);

    now += 60_000;
    await (await open()).close(); // a good open is copied
    now += 60_000;
    await (await open()).close(); // … unless the newest copy already holds exactly these bytes
    expect(await backupsIn(dir)).toHaveLength(2);

    const running = await open();
    now += DAY; // the app stays open past midnight
    await running.update((d) => void d.nextSteps.push(nextStep(3)));
    await running.update((d) => void d.nextSteps.push(nextStep(4)));
    await running.close();
    // The new day's copy; of the first day only its newest copy (the one at open) is still needed.
    expect((await backupsIn(dir)).map(withoutSeq)).toEqual([
      `second-step.${fileStamp(start + 60_000)}.open.json`,
      `second-step.${fileStamp(now)}.daily.json`,
    ]);
  });

  it('after the clock jumps back, the copy taken last still counts as the newest (restore picks it)', async () => {
    const dir = await tempDir();
    let now = start + 30 * DAY; // a clock set a month ahead…
    const ahead = await openStore({ dir, now: () => now });
    await ahead.update((d) => void d.nextSteps.push(nextStep(1)));
    await ahead.close();
    now = start; // …corrected: every later copy carries an EARLIER time than the one above
    const corrected = await openStore({ dir, now: () => now });
    await corrected.update((d) => void d.nextSteps.push(nextStep(2)));
    await corrected.close();
    const names = await backupsIn(dir);
    const newest = names.map((n) => ({ n, seq: Number(/\.n(\d+)\./.exec(n)?.[1]) })).sort((a, b) => b.seq - a.seq)[0]!.n;
    expect(newest).toContain(fileStamp(start)); // the highest number went to the copy taken after the correction
    const reopened = await openStore({ dir, now: () => now });
    expect((await reopened.listBackups())[0]?.id).toBe(newest);
    await reopened.close();
  });

  it('stays small over a month of daily use', async () => {
    const dir = await tempDir();
    for (let day = 0; day < 30; day++) {
      const store = await openStore({ dir, now: () => start + day * DAY });
      await store.update((d) => void d.nextSteps.push(nextStep(day)));
      await store.close();
    }
    const names = await backupsIn(dir);
    expect(names.length).toBeGreaterThanOrEqual(7);
    expect(names.length).toBeLessThanOrEqual(10);
  });
});
