// A big calendar is saved in several store changes (a few hundred meetings each), through the real core on a real
// data folder (Node). What that must never cost: a sync that fails half-way leaves valid data and the next sync
// completes it without a duplicate; prep the rep types while a sync is under way is kept; a closing app stops
// between two changes with what was saved whole.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreDocument, type Meeting } from '../../../shared/domain';
import { STEPS_PER_CHANGE } from '../../../electron/main/core/services/calendars';
import type { Store } from '../../../electron/main/core/store';
import { iso, openTestCore, T0, type TestCore } from '../../support/core-harness';

const EVENTS = Math.round(STEPS_PER_CHANGE * 2.4);
const HOUR = 3_600_000;

let t: TestCore;
let dir: string;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'second-step-sliced-sync-'));
  t = await openTestCore();
  await t.core.store.update((doc) => {
    doc.settings.ownDomains = ['ourco.com'];
  });
});
afterEach(async () => {
  await t.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const stamp = (ms: number) => iso(ms).replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/** EVENTS one-off calls over the next three weeks, each `shiftHours` later than the first version. */
function calendar(shiftHours = 0): string {
  const events = Array.from({ length: EVENTS }, (_, i) => {
    const start = T0 + HOUR * (2 + i + shiftHours);
    return [
      'BEGIN:VEVENT',
      `UID:call-${i}@example.com`,
      `DTSTAMP:${stamp(T0)}`,
      `DTSTART:${stamp(start)}`,
      `DTEND:${stamp(start + HOUR / 2)}`,
      `SUMMARY:Call ${i}`,
      `ATTENDEE:mailto:buyer${i % 40}@customer${i % 40}.com`,
      'ATTENDEE:mailto:robin@ourco.com',
      'END:VEVENT',
    ].join('\r\n');
  });
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//sliced//EN', ...events, 'END:VCALENDAR', ''].join('\r\n');
}

/** Calls `before(n)` ahead of the n-th store change from now on (1-based). */
function beforeChanges(store: Store, before: (n: number, update: Store['update']) => Promise<void> | void): () => void {
  const update = store.update.bind(store);
  let n = 0;
  (store as { update: Store['update'] }).update = async (change) => {
    await before(++n, update);
    return update(change);
  };
  return () => {
    (store as { update: Store['update'] }).update = update;
  };
}

const calls = () => t.core.store.data.meetings.filter((m) => m.title.startsWith('Call ') && m.status !== 'cancelled');

function expectOneMeetingPerEvent(): Meeting[] {
  const found = calls();
  const uids = found.map((m) => (m.source.kind === 'calendar' ? m.source.uid : ''));
  expect(new Set(uids).size).toBe(uids.length);
  expect(StoreDocument.safeParse(t.core.store.data).success).toBe(true);
  return found;
}

describe('a calendar saved in slices', () => {
  it('saves a big import in several changes, and a sync that fails half-way is completed by the next one', async () => {
    const path = join(dir, 'big.ics');
    writeFileSync(path, calendar());
    let changes = 0;
    const restore = beforeChanges(t.core.store, (n) => {
      changes = n;
      if (n === 3) throw new Error('The disk went away.');
    });
    // n = 1 adds the calendar to the settings; n = 2 is the first slice of meetings; n = 3 fails.
    const failed = await t.call('addCalendar', { path });
    expect(failed.ok).toBe(false);
    expect(changes).toBe(3);
    expect(expectOneMeetingPerEvent()).toHaveLength(STEPS_PER_CHANGE);
    restore();

    const [result] = await t.ok('syncCalendars', {});
    expect(result).toMatchObject({ ok: true, imported: EVENTS - STEPS_PER_CHANGE, updated: 0, cancelled: 0 });
    expect(expectOneMeetingPerEvent()).toHaveLength(EVENTS);
    // And once more: nothing left to do.
    expect((await t.ok('syncCalendars', {}))[0]).toMatchObject({ imported: 0, updated: 0, cancelled: 0 });
    expect(calls()).toHaveLength(EVENTS);
  });

  it('keeps prep typed while a sync that moves every meeting is being saved', async () => {
    const path = join(dir, 'big.ics');
    writeFileSync(path, calendar());
    await t.ok('addCalendar', { path });
    const last = calls().find((m) => m.title === `Call ${EVENTS - 1}`)!;

    writeFileSync(path, calendar(1));
    // Between the sync's first and second change, the rep preps the meeting the last slice moves.
    beforeChanges(t.core.store, async (n, update) => {
      if (n !== 2) return;
      await update((doc) => {
        const meeting = doc.meetings.find((m) => m.id === last.id)!;
        meeting.purpose = 'Agree the pilot scope';
        meeting.agenda = [{ id: 'a1', text: 'Their numbers', done: false }];
      });
    });
    const [result] = await t.ok('syncCalendars', {});
    expect(result).toMatchObject({ ok: true, imported: 0, updated: EVENTS, cancelled: 0 });
    const moved = t.core.store.data.meetings.find((m) => m.id === last.id)!;
    expect(moved).toMatchObject({ purpose: 'Agree the pilot scope', agenda: [{ text: 'Their numbers' }] });
    expect(Date.parse(moved.start)).toBe(Date.parse(last.start) + HOUR);
    expect(expectOneMeetingPerEvent()).toHaveLength(EVENTS);
  });

  it('stops between two changes when the app closes, with what was saved whole', async () => {
    const path = join(dir, 'big.ics');
    writeFileSync(path, calendar());
    let closing: Promise<void> | undefined;
    beforeChanges(t.core.store, (n) => {
      if (n === 2) closing = t.core.close();
    });
    const reply = await t.call('addCalendar', { path });
    await closing;
    expect(reply.ok).toBe(true);
    if (reply.ok) expect(reply.value.sync.message).toMatch(/stopped because the app is closing/);
    const saved = calls();
    expect(saved.length).toBeGreaterThan(0);
    expect(saved.length).toBeLessThan(EVENTS);
    expect(expectOneMeetingPerEvent()).toHaveLength(saved.length);
  });
});
