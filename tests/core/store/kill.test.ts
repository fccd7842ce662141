// The kill test (Node, real child processes, real SIGKILL): hundreds of writers killed at random moments and inside
// the commit window lose no acknowledged write and never leave an unreadable file. Its negative control runs the
// same harness against a store that overwrites in place, and must catch it failing — proof the test can fail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildChild, describeFigures, runKillTrials } from './kill-harness';

let child: Awaited<ReturnType<typeof buildChild>>;
beforeAll(async () => {
  child = await buildChild();
});
afterAll(() => child.dispose());

describe('killing the writer with SIGKILL', () => {
  it('loses no acknowledged write and never leaves an unreadable file (200 kills)', async () => {
    const figures = await runKillTrials({ script: child.script, store: 'durable', trials: 200, parallel: 4 });
    console.log(describeFigures('durable store', figures));
    expect(figures.trials).toBe(200);
    expect(figures.lost).toBe(0);
    expect(figures.unparseable).toBe(0);
    expect(figures.acked).toBeGreaterThan(200);
    expect(figures.midWrite).toBeGreaterThanOrEqual(figures.trials / 3);
    expect(figures.completeTempLeft).toBeGreaterThanOrEqual(figures.trials / 3);
  }, 120_000); // ~15-35 s on 2 busy cores; the headroom keeps a loaded CI machine from failing it on time alone

  it('negative control: catches an in-place writer losing data', async () => {
    const figures = await runKillTrials({ script: child.script, store: 'plain', trials: 30, parallel: 4 });
    console.log(describeFigures('in-place store (negative control)', figures));
    expect(figures.lost + figures.unparseable).toBeGreaterThan(0);
  });
});
