// The kill test (Node, real child processes, real SIGKILL): hundreds of writers killed at random moments and inside
// the commit window lose no acknowledged write and never leave an unreadable file. Its negative control runs the
// same harness against a store that overwrites in place, and must catch it failing — proof the test can fail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildChild, describeFigures, runKillTrials } from './kill-harness';

// `npm test` kills a couple of hundred writers; the soak (`npm run test:soak`) sets KILL_TRIALS=1000.
const TRIALS = Number(process.env['KILL_TRIALS'] ?? 200);

let child: Awaited<ReturnType<typeof buildChild>>;
beforeAll(async () => {
  child = await buildChild();
});
afterAll(() => child.dispose());

describe('killing the writer with SIGKILL', () => {
  it(`loses no acknowledged write, never leaves an unreadable file and keeps every backup intact (${TRIALS} kills)`, async () => {
    const figures = await runKillTrials({ script: child.script, store: 'durable', trials: TRIALS, parallel: 4 });
    console.log(describeFigures('durable store', figures));
    expect(figures.trials).toBe(TRIALS);
    expect(figures.lost).toBe(0);
    expect(figures.duplicated).toBe(0);
    expect(figures.unparseable).toBe(0);
    // Each child backs the seed file up at open, in the background: a kill in the first milliseconds may beat it.
    expect(figures.backups).toBeGreaterThanOrEqual(TRIALS / 2);
    expect(figures.backupsDamaged).toBe(0);
    expect(figures.acked).toBeGreaterThan(TRIALS);
    // A change is one append to the journal: the kills land inside appends (torn last lines, never acknowledged).
    expect(figures.midWrite).toBeGreaterThanOrEqual(figures.trials / 3);
  }, Math.max(120_000, TRIALS * 600)); // ~15-35 s per 200 on 2 busy cores; headroom for a loaded CI machine

  it('loses nothing and duplicates nothing when killed while records move into the archive files', async () => {
    const trials = Math.max(40, Math.round(TRIALS / 4));
    const figures = await runKillTrials({ script: child.script, store: 'compacting', trials, parallel: 4 });
    console.log(describeFigures('compacting store', figures));
    expect(figures.trials).toBe(trials);
    expect(figures.lost).toBe(0);
    expect(figures.duplicated).toBe(0);
    expect(figures.unparseable).toBe(0);
    expect(figures.backupsDamaged).toBe(0);
    // Each acked step is followed by a move into the archives, so a child acks fewer steps before its kill.
    expect(figures.acked).toBeGreaterThan(trials / 2);
    expect(figures.withArchives).toBeGreaterThanOrEqual(trials / 2);
    expect(figures.midWrite).toBeGreaterThanOrEqual(trials / 3);
    // Moves write the live file whole: some kills land after its temp file was complete, before the rename.
    expect(figures.completeTempLeft).toBeGreaterThan(0);
  }, Math.max(60_000, TRIALS * 300));

  it('negative control: catches an in-place writer losing data', async () => {
    const figures = await runKillTrials({ script: child.script, store: 'plain', trials: 30, parallel: 4 });
    console.log(describeFigures('in-place store (negative control)', figures));
    expect(figures.lost + figures.unparseable).toBeGreaterThan(0);
  });
});
