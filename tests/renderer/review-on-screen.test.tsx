// The review off screen (renderer/src/ui/on-screen.ts, first-paint.ts): a window built hidden ahead of time, or hidden
// later, does not refetch a year of data on every change of the store while the rep is on calls; shown again, it
// catches up once — Today asked alone and painted first, then every mode — and a window with nothing owed asks nothing.
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReviewToday } from '../../shared/views';
import { askTodayEarly, catchUpToday } from '../../renderer/src/review/first-paint';
import { ReviewApp } from '../../renderer/src/review/ReviewApp';
import { heldWhileHidden, holdChangesWhileHidden, type VisibilityDocument } from '../../renderer/src/ui/on-screen';
import { appState } from './fixtures';
import { cleanup, fakeBridge, installBridge, ok, render, settle, type FakeBridge } from './harness';
import { REVIEW_NOW, reviewModesFor } from './review-fixtures';

/** A document whose visibility a test sets, as a window shown and hidden by the OS would. */
function fakeDocument(initial: DocumentVisibilityState = 'visible') {
  const target = new EventTarget();
  let state = initial;
  Object.defineProperty(target, 'visibilityState', { get: () => state });
  const doc = target as unknown as VisibilityDocument;
  return {
    doc,
    set(next: DocumentVisibilityState) {
      state = next;
      target.dispatchEvent(new Event('visibilitychange'));
    },
  };
}

describe('changes held while hidden', () => {
  it('reach the views at once on screen; while hidden, once on show with the newest, after one catch-up', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('change', 'hide', 'show'), { maxLength: 40 }), fc.integer({ min: 1, max: 3 }), (steps, views) => {
        const page = fakeDocument();
        const bridge = fakeBridge();
        const catchUps: number[] = [];
        const events = heldWhileHidden(bridge.bridge, () => catchUps.push(got.length), page.doc);
        const got: Array<{ view: number; revision: number }> = [];
        for (let view = 0; view < views; view++) events.on('changed', ({ revision }) => got.push({ view, revision }));

        const expected: Array<{ view: number; revision: number }> = [];
        const expectedCatchUps: number[] = [];
        let visible = true;
        let owed: number | null = null;
        let revision = 0;
        for (const step of steps) {
          if (step === 'change') {
            revision += 1;
            bridge.emit('changed', { revision });
            if (visible) for (let view = 0; view < views; view++) expected.push({ view, revision });
            else owed = revision;
          } else if (step === 'hide') {
            visible = false;
            page.set('hidden');
          } else {
            visible = true;
            page.set('visible');
            if (owed !== null) {
              expectedCatchUps.push(expected.length);
              for (let view = 0; view < views; view++) expected.push({ view, revision: owed });
              owed = null;
            }
          }
        }
        expect(got).toEqual(expected);
        expect(catchUps).toEqual(expectedCatchUps);
      }),
    );
  });

  it('lets the other events through, and stops listening once the last view has gone', () => {
    const page = fakeDocument('hidden');
    const bridge = fakeBridge();
    const events = heldWhileHidden(bridge.bridge, () => {}, page.doc);
    const clock = vi.fn();
    events.on('clock', clock);
    const off = events.on('changed', () => {});
    bridge.emit('clock', { now: 5 });
    expect(clock).toHaveBeenCalledWith({ now: 5 });
    expect(bridge.listenerCount('changed')).toBe(1);
    off();
    expect(bridge.listenerCount('changed')).toBe(0);
  });
});

describe('review window hidden, then shown', () => {
  let fake: FakeBridge;
  let visibility: DocumentVisibilityState = 'visible';
  const WAIT = { timeout: 5000 };
  const setVisibility = async (next: DocumentVisibilityState) => {
    visibility = next;
    document.dispatchEvent(new Event('visibilitychange'));
    await settle();
  };
  const callTitles = () => [...document.querySelectorAll('table.calls .calls__title')].map((el) => el.textContent);
  /** Today as the core answers, its first call renamed so the test can tell which answer is on screen. */
  const todayTitled = (title: string): ReviewToday => {
    const { followUps: _f, threads: _t, tomorrow: _m, metrics: _x, ...today } = reviewModesFor();
    const [first, ...rest] = today.today.calls;
    return { ...today, today: { ...today.today, calls: [{ ...first!, title }, ...rest] } };
  };

  beforeEach(() => {
    visibility = 'visible';
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility });
    fake = fakeBridge();
    fake.answer('getState', () => ok(appState(REVIEW_NOW)));
    fake.answer('getReviewModes', () => ok(reviewModesFor()));
    fake.answer('getReviewToday', () => ok(todayTitled('Loaded while hidden')));
    installBridge(fake);
    location.hash = '';
    holdChangesWhileHidden(catchUpToday);
  });
  afterEach(async () => {
    await cleanup();
    delete (document as { visibilityState?: unknown }).visibilityState;
  });

  it('built hidden: loads, asks nothing more per change, and on show asks Today alone, paints it, then every mode', async () => {
    visibility = 'hidden';
    askTodayEarly();
    await render(<ReviewApp />);
    // Loaded whole while hidden (no frame to wait for: nobody is looking), so a show with nothing changed costs nothing.
    await vi.waitFor(() => expect(fake.callsOf('getReviewModes')).toHaveLength(1), WAIT);
    await vi.waitFor(() => expect(callTitles()[0]).toBe(reviewModesFor().today.calls[0]!.title), WAIT);
    const states = fake.callsOf('getState').length;

    for (let revision = 1; revision <= 5; revision++) fake.emit('changed', { revision });
    await settle();
    expect(fake.callsOf('getReviewToday')).toHaveLength(1);
    expect(fake.callsOf('getReviewModes')).toHaveLength(1);
    expect(fake.callsOf('getState')).toHaveLength(states);

    fake.answer('getReviewToday', () => ok(todayTitled('Fresh on show')));
    await setVisibility('visible');
    await vi.waitFor(() => expect(callTitles()[0]).toBe('Fresh on show'), WAIT);
    expect(fake.callsOf('getReviewToday')).toHaveLength(2);
    // Then every mode once (the change owed), after Today's frame, and its Today takes over.
    await vi.waitFor(() => expect(fake.callsOf('getReviewModes')).toHaveLength(2), WAIT);
    await vi.waitFor(() => expect(callTitles()[0]).toBe(reviewModesFor().today.calls[0]!.title), WAIT);
    await settle();
    expect(fake.callsOf('getReviewModes')).toHaveLength(2);
    expect(fake.callsOf('getState')).toHaveLength(states + 1);
  });

  it('shown again with nothing changed asks nothing', async () => {
    askTodayEarly();
    await render(<ReviewApp />);
    await vi.waitFor(() => expect(fake.callsOf('getReviewModes')).toHaveLength(1), WAIT);
    const asked = fake.calls.length;
    await setVisibility('hidden');
    await setVisibility('visible');
    await settle();
    expect(fake.calls.length).toBe(asked);
  });

  it('on screen, a change is followed at once, as before', async () => {
    askTodayEarly();
    await render(<ReviewApp />);
    await vi.waitFor(() => expect(fake.callsOf('getReviewModes')).toHaveLength(1), WAIT);
    fake.emit('changed', { revision: 1 });
    await vi.waitFor(() => expect(fake.callsOf('getReviewModes')).toHaveLength(2), WAIT);
    expect(fake.callsOf('getReviewToday')).toHaveLength(1);
  });
});
