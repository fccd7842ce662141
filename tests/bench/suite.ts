// Runs in Node (`npm run bench`). What a suite gets and gives back, and the timing helpers the suites share.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Row } from './report';

export interface SuiteOptions {
  /** BENCH_QUICK=1: fewer samples and a 10 s idle window, for a first look. */
  quick: boolean;
  /** Progress lines (stderr). */
  log(line: string): void;
}

export interface SuiteResult {
  rows: Row[];
  /** How it was measured, what dominates, why a goal is missed: one bullet each in docs/PERFORMANCE.md. */
  notes: string[];
}

/** Runs `work` and returns its wall time and the longest event-loop stall seen meanwhile (ms). */
export async function timed(work: () => Promise<unknown> | unknown): Promise<{ ms: number; stallMs: number }> {
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  // The monitor's timer must be armed before the work starts, or a block that begins at once goes unseen.
  await new Promise((done) => setTimeout(done, 3));
  const began = performance.now();
  await work();
  const ms = performance.now() - began;
  await new Promise((done) => setTimeout(done, 3)); // let the monitor record a stall that ended with `work`
  delay.disable();
  return { ms, stallMs: delay.max / 1e6 };
}

/** A function's source as a page script (addInitScript). tsx (esbuild keepNames) wraps names in `__name(…)`
 * calls, which do not exist in the page: give them a no-op. */
export const pageScript = (fn: () => void) => `(() => { const __name = (target) => target; (${fn.toString()})(); })();`;
