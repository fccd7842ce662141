// The review's early ask in jsdom (renderer/src/review/first-paint.ts, made by the window's entry before the app's
// code has loaded): Today is painted from it, asked in the window's time zone, before every mode is asked for; and an
// answer asked in a zone other than the one the window shows times in is never shown.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReviewToday } from '../../shared/views';
import { askTodayEarly } from '../../renderer/src/review/first-paint';
import { ReviewApp } from '../../renderer/src/review/ReviewApp';
import { appState } from './fixtures';
import { cleanup, fakeBridge, installBridge, ok, render, type FakeBridge } from './harness';
import { REVIEW_NOW, reviewModesFor } from './review-fixtures';

const windowZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
/** Waits on a shared, busy machine: these follow a frame (requestAnimationFrame) and a timer, not only promises. */
const WAIT = { timeout: 5000 };
let fake: FakeBridge;

/** Today as the core answers the early ask, its first call renamed so a test can tell which answer is on screen. */
function todayAnswer(firstTitle: string): ReviewToday {
  const { followUps: _f, threads: _t, tomorrow: _m, metrics: _x, ...today } = reviewModesFor();
  const [first, ...rest] = today.today.calls;
  return { ...today, today: { ...today.today, calls: [{ ...first!, title: firstTitle }, ...rest] } };
}

const callTitles = () => [...document.querySelectorAll('table.calls .calls__title')].map((el) => el.textContent);

beforeEach(() => {
  fake = fakeBridge();
  fake.answer('getState', () => ok(appState(REVIEW_NOW)));
  fake.answer('getReviewModes', () => ok(reviewModesFor()));
  installBridge(fake);
  location.hash = '';
});
afterEach(async () => {
  await cleanup();
  delete (globalThis as { Temporal?: unknown }).Temporal;
});

describe('review window: the early ask for Today', () => {
  it('asks for Today alone in the window’s zone, paints it, and asks for every mode only after', async () => {
    let answer!: (value: ReturnType<typeof ok>) => void;
    fake.answer('getReviewToday', () => new Promise((resolve) => (answer = resolve)));
    let answerAll!: (value: ReturnType<typeof ok>) => void;
    fake.answer('getReviewModes', () => new Promise((resolve) => (answerAll = resolve)));
    askTodayEarly();
    expect(fake.calls).toEqual([['getReviewToday', { timeZone: windowZone }]]);

    await render(<ReviewApp />);
    expect(fake.callsOf('getReviewModes')).toEqual([]);
    answer(ok(todayAnswer('From the early ask')));
    await vi.waitFor(() => expect(callTitles()[0]).toBe('From the early ask'), WAIT);
    // Then the rest (after the frame that paints Today), in the same zone; its Today replaces the early one.
    await vi.waitFor(() => expect(fake.callsOf('getReviewModes')).toEqual([{ timeZone: windowZone }]), WAIT);
    answerAll(ok(reviewModesFor()));
    await vi.waitFor(() => expect(callTitles()[0]).toBe(reviewModesFor().today.calls[0]!.title), WAIT);
  });

  it('never shows an answer asked in another zone than the one the window shows times in', async () => {
    const elsewhere = windowZone === 'Pacific/Chatham' ? 'Asia/Tokyo' : 'Pacific/Chatham';
    (globalThis as { Temporal?: unknown }).Temporal = { Now: { timeZoneId: () => elsewhere } };
    fake.answer('getReviewToday', () => ok(todayAnswer('Asked in the wrong zone')));
    let answerAll!: (value: ReturnType<typeof ok>) => void;
    fake.answer('getReviewModes', () => new Promise((resolve) => (answerAll = resolve)));
    askTodayEarly();
    expect(fake.callsOf('getReviewToday')).toEqual([{ timeZone: elsewhere }]);

    await render(<ReviewApp />);
    // The early answer is dropped: the window waits for the full ask, in its own zone, made at once.
    await vi.waitFor(() => expect(fake.callsOf('getReviewModes')).toEqual([{ timeZone: windowZone }]), WAIT);
    expect(document.body.textContent).toContain('Loading your day…');
    expect(document.body.textContent).not.toContain('Asked in the wrong zone');
    answerAll(ok(reviewModesFor()));
    await vi.waitFor(() => expect(callTitles()[0]).toBe(reviewModesFor().today.calls[0]!.title), WAIT);
    expect(document.body.textContent).not.toContain('Asked in the wrong zone');
  });
});
