import { describe, expect, it } from 'vitest';
import { systemClock, TestClock } from '../../electron/main/core/clock';

describe('clocks', () => {
  it('a test clock fires due timers in time order when moved, and tells listeners it jumped', () => {
    const clock = new TestClock(1_000, { running: false });
    const fired: string[] = [];
    const jumps: number[] = [];
    clock.onJump((now) => jumps.push(now));
    clock.at(3_000, () => fired.push('b'));
    clock.at(2_000, () => fired.push('a'));
    const cancel = clock.at(2_500, () => fired.push('cancelled'));
    cancel();
    clock.advance(500);
    expect(fired).toEqual([]);
    clock.set(5_000);
    expect(fired).toEqual(['a', 'b']);
    expect(jumps).toEqual([1_500, 5_000]);
    clock.dispose();
  });

  it('a running test clock keeps ticking from where it was set', async () => {
    const clock = new TestClock(Date.UTC(2030, 0, 1));
    await new Promise((r) => setTimeout(r, 20));
    expect(clock.now()).toBeGreaterThan(Date.UTC(2030, 0, 1));
    expect(clock.now()).toBeLessThan(Date.UTC(2030, 0, 1) + 5_000);
    clock.dispose();
  });

  it('a running test clock fires a timer in real time without being moved', async () => {
    const clock = new TestClock(0);
    const fired = new Promise<number>((resolve) => clock.at(30, () => resolve(clock.now())));
    expect(await fired).toBeGreaterThanOrEqual(30);
    clock.dispose();
  });

  it('the system clock fires a timer once', async () => {
    let count = 0;
    await new Promise<void>((resolve) => systemClock.at(Date.now() + 10, () => (count += 1, resolve())));
    expect(count).toBe(1);
  });
});
