// Runs in the main process and the preview host (Node). The one clock of the app: services read time only from
// here, and windows follow it (the renderer keeps an offset to `now()`), so a test clock moves every timer at once.
export interface Clock {
  now(): number;
  /** Calls `fn` once the clock reaches `at` (ms). Returns a cancel function. */
  at(at: number, fn: () => void): () => void;
  /** Notifies when time jumps (only a test clock jumps). */
  onJump(listener: (now: number) => void): () => void;
}

const MAX_TIMEOUT = 2 ** 31 - 1;

export const systemClock: Clock = {
  now: () => Date.now(),
  at(at, fn) {
    let handle: NodeJS.Timeout;
    // setTimeout overflows past ~24.8 days; hop in steps until the target is near.
    const arm = () => {
      const wait = at - Date.now();
      handle = setTimeout(wait > MAX_TIMEOUT ? arm : fn, Math.max(0, Math.min(wait, MAX_TIMEOUT)));
      handle.unref?.();
    };
    arm();
    return () => clearTimeout(handle);
  },
  onJump: () => () => {},
};

/** A clock that tests (and the preview's test-only control) move by hand. By default it also runs forward in real
 * time, so a timer on screen keeps ticking between jumps; `{ running: false }` freezes it for exact assertions. */
export class TestClock implements Clock {
  private offset: number;
  private readonly running: boolean;
  private frozenAt: number;
  private timers = new Set<{ at: number; fn: () => void }>();
  private jumpListeners = new Set<(now: number) => void>();
  private realTimer: NodeJS.Timeout | undefined;

  constructor(start: number = Date.now(), { running = true }: { running?: boolean } = {}) {
    this.offset = start - Date.now();
    this.running = running;
    this.frozenAt = start;
  }

  now(): number {
    return this.running ? Date.now() + this.offset : this.frozenAt;
  }

  at(at: number, fn: () => void): () => void {
    const timer = { at, fn };
    this.timers.add(timer);
    this.rearm();
    return () => {
      this.timers.delete(timer);
      this.rearm();
    };
  }

  onJump(listener: (now: number) => void): () => void {
    this.jumpListeners.add(listener);
    return () => this.jumpListeners.delete(listener);
  }

  set(now: number): void {
    this.offset = now - Date.now();
    this.frozenAt = now;
    this.fireDue();
    for (const listener of this.jumpListeners) listener(this.now());
  }

  advance(ms: number): void {
    this.set(this.now() + ms);
  }

  dispose(): void {
    clearTimeout(this.realTimer);
    this.timers.clear();
  }

  private fireDue(): void {
    const due = [...this.timers].filter((t) => t.at <= this.now()).sort((a, b) => a.at - b.at);
    for (const t of due) {
      this.timers.delete(t);
      t.fn();
    }
    this.rearm();
  }

  private rearm(): void {
    clearTimeout(this.realTimer);
    const next = Math.min(...[...this.timers].map((t) => t.at));
    if (!Number.isFinite(next)) return;
    this.realTimer = setTimeout(() => this.fireDue(), Math.min(Math.max(0, next - this.now()), MAX_TIMEOUT));
    this.realTimer.unref?.();
  }
}
