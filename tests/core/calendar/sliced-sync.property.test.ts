// The calendar sync's plan (reconcile.ts) applied in slices (sync-steps.ts), property-based (Node): whatever the two
// versions of a calendar, wherever a sync is cut off and however its steps are sliced, syncing again ends exactly
// where one uninterrupted sync would — one meeting per event, cancelled ones kept, the rep's prep on every meeting that
// had it — and every state on the way is a valid document.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyDocument, StoreDocument } from '../../../shared/domain';
import type { CalendarOccurrence, ParsedCalendar } from '../../../electron/main/core/calendar/parse-calendar';
import { countsFor, planSync, reconcile, type Feed } from '../../../electron/main/core/calendar/reconcile';
import { applySyncSteps } from '../../../electron/main/core/calendar/sync-steps';
import { iso, T0 } from '../../support/core-harness';

const HOUR = 3_600_000;
const UIDS = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];

const event = fc.record({ uid: fc.constantFrom(...UIDS), hour: fc.integer({ min: 1, max: 300 }), long: fc.boolean(), guest: fc.constantFrom('ana@globex.io', 'li@initech.com', 'robin@ourco.com') });
const version = fc.uniqueArray(event, { selector: (e) => e.uid, maxLength: UIDS.length });

const feed = (events: { uid: string; hour: number; long: boolean; guest: string }[]): Feed => {
  const occurrences: CalendarOccurrence[] = events.map((e) => ({
    uid: e.uid,
    start: iso(T0 + e.hour * HOUR),
    end: iso(T0 + e.hour * HOUR + (e.long ? HOUR : HOUR / 2)),
    title: `Call ${e.uid}`,
    attendees: [e.guest, 'robin@ourco.com'],
  }));
  const parsed: ParsedCalendar = { ok: true, occurrences, cancelled: [], skipped: 0, complete: true, message: '' };
  return { calendarId: 'cal-1', parsed };
};

let ids = 0;
const options = () => ({ nowIso: iso(T0), newId: () => `id-${(ids += 1)}` });

async function synced(first: Parameters<typeof feed>[0], prepped: string[]) {
  const doc = emptyDocument();
  doc.settings.ownDomains = ['ourco.com'];
  await reconcile(doc, [feed(first)], options());
  for (const m of doc.meetings) if (m.source.kind === 'calendar' && prepped.includes(m.source.uid)) m.purpose = `Prep for ${m.source.uid}`;
  return doc;
}

/** What the rep sees of the calendar's meetings, by event: time, prep and whether it is cancelled. */
const seen = (doc: StoreDocument) =>
  doc.meetings
    .map((m) => `${m.source.kind === 'calendar' ? m.source.uid : '?'} ${m.status} ${m.start} ${m.end} ${m.purpose}`)
    .sort();

describe('a calendar sync cut off part-way', () => {
  it('ends where one whole sync ends, with valid data at every step and no duplicate', async () => {
    await fc.assert(
      fc.asyncProperty(version, version, fc.subarray(UIDS), fc.nat(), fc.integer({ min: 1, max: 4 }), async (first, second, prepped, cut, size) => {
        const whole = await synced(first, prepped);
        await reconcile(whole, [feed(second)], options());

        const doc = await synced(first, prepped);
        const plan = await planSync(doc, [feed(second)], options());
        const counts = countsFor([feed(second)], plan);
        const done = plan.steps.slice(0, cut % (plan.steps.length + 1));
        for (let i = 0; i < done.length; i += size) {
          applySyncSteps(doc, done.slice(i, i + size), counts);
          expect(StoreDocument.safeParse(doc).success).toBe(true);
        }
        // The next sync plans only what is missing.
        await reconcile(doc, [feed(second)], options());

        expect(seen(doc)).toEqual(seen(whole));
        const active = doc.meetings.filter((m) => m.status !== 'cancelled').map((m) => (m.source.kind === 'calendar' ? m.source.uid : ''));
        expect(new Set(active).size).toBe(active.length);
        // Every meeting that had prep still has it — moved, unchanged or cancelled.
        const uidOf = (m: StoreDocument['meetings'][number]) => (m.source.kind === 'calendar' ? m.source.uid : '');
        for (const uid of prepped.filter((u) => first.some((e) => e.uid === u))) {
          expect(doc.meetings.some((m) => uidOf(m) === uid && m.purpose === `Prep for ${uid}`), uid).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });
});
