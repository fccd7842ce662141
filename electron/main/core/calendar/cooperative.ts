// Runs in Node (main and preview), inside the core's own event loop. Reading a big calendar (50,000 events) is
// seconds of work; done in one go it would freeze every window's IPC. The calendar code calls `tick()` between small
// units of work, and `tick()` hands the event loop back whenever the current slice has run for `budgetMs`, so the
// loop is never held for long. It measures real CPU time (performance.now), never the core's clock: it schedules
// work, not business time.

/** Thrown when the core closes while a calendar is still being read. */
export class SyncAborted extends Error {
  constructor() {
    super('The calendar sync was stopped because the app is closing.');
    this.name = 'SyncAborted';
  }
}

export type Tick = () => Promise<void>;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export function cooperative(budgetMs = 8, signal?: AbortSignal): Tick {
  let sliceStart = performance.now();
  return async () => {
    if (performance.now() - sliceStart < budgetMs) return;
    await nextTurn();
    if (signal?.aborted) throw new SyncAborted();
    sliceStart = performance.now();
  };
}
