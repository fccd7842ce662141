// The on-screen clock runs on the core's time: offset = core now - local now, from getState() and `clock` events,
// ticking once a second only while the window is visible.
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCoreClock, useCoreClock, type ClockSource, type CoreClock } from '../../renderer/src/ui/clock';
import { cleanup, fakeBridge, installBridge, ok, render, settle } from './harness';

const LOCAL = Date.parse('2025-11-25T09:00:00.000Z');
const CORE = Date.parse('2030-01-01T12:00:00.000Z');

/** A document whose visibility the test controls. */
function fakeDocument(initial: DocumentVisibilityState = 'visible') {
  let state = initial;
  const target = new EventTarget();
  return {
    get visibilityState() {
      return state;
    },
    addEventListener: target.addEventListener.bind(target),
    removeEventListener: target.removeEventListener.bind(target),
    set(next: DocumentVisibilityState) {
      state = next;
      target.dispatchEvent(new Event('visibilitychange'));
    },
  };
}

function source(coreNow: () => number) {
  const fake = fakeBridge();
  fake.answer('getState', () =>
    ok({ now: coreNow(), revision: 1, notice: null, readOnly: false, liveMeetingId: null, pendingWrapUps: 0 }),
  );
  const { getState, on } = fake.bridge;
  const src: ClockSource = {
    getState: async () => {
      const reply = await getState();
      if (!reply.ok) throw new Error('unexpected');
      return reply.value;
    },
    on,
  };
  return { fake, src };
}

beforeEach(() => {
  vi.useFakeTimers({ now: LOCAL });
});

afterEach(async () => {
  await cleanup();
  vi.useRealTimers();
});

describe('createCoreClock', () => {
  it('starts on local time, then takes the core time from getState as an offset', async () => {
    const { src } = source(() => CORE);
    const clock = createCoreClock(src, { document: fakeDocument() });
    expect(clock.now()).toBe(LOCAL);
    expect(clock.synced()).toBe(false);
    await clock.sync();
    expect(clock.offset()).toBe(CORE - LOCAL);
    expect(clock.synced()).toBe(true);
    vi.advanceTimersByTime(90_000);
    expect(clock.now()).toBe(CORE + 90_000);
  });

  it('re-syncs from a `clock` event (a test clock jumped) while someone is watching', async () => {
    const { fake, src } = source(() => CORE);
    const clock = createCoreClock(src, { document: fakeDocument() });
    const off = clock.subscribe(() => {});
    await vi.advanceTimersByTimeAsync(0);
    fake.emit('clock', { now: CORE + 3_600_000 });
    expect(clock.now()).toBe(CORE + 3_600_000);
    expect(clock.snapshot()).toBe(CORE + 3_600_000);
    off();
    expect(fake.listenerCount('clock')).toBe(0);
  });

  it('ignores a getState answer that arrives after a newer `clock` event', async () => {
    let release!: () => void;
    let emitClock!: (now: number) => void;
    const src: ClockSource = {
      getState: () =>
        new Promise((resolve) => {
          release = () =>
            resolve({ now: CORE, revision: 1, notice: null, readOnly: false, liveMeetingId: null, pendingWrapUps: 0, unheldCalls: 0, hotkeyFailures: [], promptsPausedUntil: null });
        }),
      on: ((_event: 'clock', listener: (payload: { now: number }) => void) => {
        emitClock = (now) => listener({ now });
        return () => {};
      }) as ClockSource['on'],
    };
    const clock = createCoreClock(src, { document: fakeDocument() });
    const off = clock.subscribe(() => {});
    emitClock(CORE + 5_000);
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(clock.now()).toBe(CORE + 5_000);
    off();
  });

  it('ticks on whole core seconds while visible, and keeps no timer while hidden', async () => {
    const { src } = source(() => CORE + 400); // the core is 400 ms into a second
    const doc = fakeDocument();
    const clock = createCoreClock(src, { document: doc });
    const seen: number[] = [];
    const off = clock.subscribe(() => seen.push(clock.snapshot()));
    await vi.advanceTimersByTimeAsync(0);
    seen.length = 0;
    await vi.advanceTimersByTimeAsync(600);
    expect(seen).toEqual([CORE + 1000]);
    await vi.advanceTimersByTimeAsync(2000);
    expect(seen).toEqual([CORE + 1000, CORE + 2000, CORE + 3000]);

    doc.set('hidden');
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(seen).toHaveLength(3);

    doc.set('visible');
    expect(seen.at(-1)).toBe(CORE + 13_000); // catches up at once
    expect(vi.getTimerCount()).toBe(1);
    off();
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('useCoreClock', () => {
  function Clock({ clock }: { clock: CoreClock }) {
    return <output>{new Date(useCoreClock(clock)).toISOString()}</output>;
  }

  it('renders the core time and moves once a second', async () => {
    const { src } = source(() => CORE);
    const clock = createCoreClock(src, { document: fakeDocument() });
    const view = await render(<Clock clock={clock} />);
    expect(view.textContent).toBe('2030-01-01T12:00:00.000Z');
    await act(async () => vi.advanceTimersByTimeAsync(1000));
    expect(view.textContent).toBe('2030-01-01T12:00:01.000Z');
  });

  it('uses the window clock over window.api by default', async () => {
    const { fake } = source(() => CORE);
    installBridge(fake);
    function DefaultClock() {
      return <output>{useCoreClock()}</output>;
    }
    const view = await render(<DefaultClock />);
    await settle();
    expect(Number(view.textContent)).toBe(CORE);
    await act(async () => fake.emit('clock', { now: CORE + 60_000 }));
    expect(Number(view.textContent)).toBe(CORE + 60_000);
  });
});
