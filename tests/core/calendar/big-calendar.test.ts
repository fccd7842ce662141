// A 50,000-event calendar (six years of a busy rep's history, as Google exports it) added through the real core
// (Node): it must not freeze the app. While it is read, parsed and synced, the event loop's longest stall is
// measured with perf_hooks and logged; the assertion is a generous bound only (real timings go to the benchmarks).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, describe, expect, it } from 'vitest';
import { busyCalendar } from '../../support/busy-calendar';
import { openTestCore, type TestCore } from '../../support/core-harness';

const dir = mkdtempSync(join(tmpdir(), 'second-step-big-calendar-'));
let t: TestCore | undefined;
afterAll(async () => {
  await t?.dispose();
  rmSync(dir, { recursive: true, force: true });
});

describe('a 50,000-event calendar', () => {
  it('is added without ever holding the event loop for long', async () => {
    const text = busyCalendar();
    const path = join(dir, 'busy.ics');
    writeFileSync(path, text);
    t = await openTestCore();
    await t.ok('listCalendars'); // the core is warm; node-ical itself is loaded on first use, inside the measurement

    // Times the store change (reconcile inside it, then the store's own clone, validation and durable write).
    const store = t.core.store;
    const update = store.update.bind(store);
    const write = { reconciledMs: 0, savedMs: 0 };
    (store as { update: typeof store.update }).update = async (change) => {
      const began = performance.now();
      await update((doc) => {
        change(doc);
        write.reconciledMs = performance.now() - began;
      });
      write.savedMs = performance.now() - began;
    };

    const delay = monitorEventLoopDelay({ resolution: 5 });
    delay.enable();
    const began = performance.now();
    const { sync } = await t.ok('addCalendar', { path });
    const seconds = (performance.now() - began) / 1000;
    delay.disable();

    const maxStallMs = delay.max / 1e6;
    console.log(
      `50k-event calendar (${(text.length / 1e6).toFixed(1)} MB): added and synced in ${seconds.toFixed(2)} s; ` +
        `${sync.imported} meetings created; event-loop stall max ${maxStallMs.toFixed(1)} ms, ` +
        `p99 ${(delay.percentile(99) / 1e6).toFixed(1)} ms, mean ${(delay.mean / 1e6).toFixed(1)} ms; ` +
        `the one store change: ${write.reconciledMs.toFixed(0)} ms to clone + reconcile, ${write.savedMs.toFixed(0)} ms until saved`,
    );
    expect(sync).toMatchObject({ ok: true, skipped: 0 });
    expect(sync.imported).toBeGreaterThan(800);
    // Generous on purpose (two shared cores, GC, other test files): reading all of it in one go stalls for seconds.
    // Reading is sliced to ~8 ms; what remains above 50 ms is GC and the one store change of the first import
    // (reconcile, then the store's clone + validation of the whole document).
    expect(maxStallMs).toBeLessThan(1500);
  }, 120_000);
});
