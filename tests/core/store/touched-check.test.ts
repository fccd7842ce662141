// Property (Node, fast-check): checking only what an update touched gives exactly the verdicts of checking the whole
// document — random valid documents, then runs of random changes (valid and invalid) made through immer as the store
// makes them; each is accepted or refused as `StoreDocument.safeParse` + `deduplicate` would, and an accepted one
// yields the same document. Runs of changes also exercise the id index the check keeps between updates.
import fc from 'fast-check';
import { freeze } from 'immer';
import { describe, expect, it } from 'vitest';
import { StoreDocument, type NextStep } from '../../../shared/domain';
import { deduplicate } from '../../../electron/main/core/store/duplicate-ids';
import { storeImmer as immer } from '../../../electron/main/core/store/drafts';
import { TouchedCheck } from '../../../electron/main/core/store/touched-check';
import { storeDocument } from '../../support/arbitraries';
import { meeting, nextStep } from './records';

const POOL = ['step-1', 'step-2', 'step-3', 'meeting-1', 'meeting-2'];
type Change = (d: StoreDocument) => void;

const at = <T>(list: T[], i: number): number => (list.length === 0 ? -1 : i % list.length);
const change: fc.Arbitrary<Change> = fc.oneof(
  fc.nat(4).map((n): Change => (d) => void d.nextSteps.push(nextStep(n))), // same n: an identical repeat
  fc.nat(4).map((n): Change => (d) => void d.meetings.push(meeting(n, '  padded notes  '))),
  fc.tuple(fc.nat(), fc.constantFrom('', '  ', 'A fine step', ' untrimmed ', 'x'.repeat(400))).map(
    ([i, what]): Change => (d) => {
      const k = at(d.nextSteps, i);
      if (k >= 0) d.nextSteps[k]!.what = what;
    },
  ),
  fc.tuple(fc.nat(), fc.constantFrom(...POOL)).map(([i, id]): Change => (d) => {
    const k = at(d.meetings, i);
    if (k >= 0) d.meetings[k]!.id = id; // may clash with another meeting
  }),
  fc.tuple(fc.nat(), fc.constantFrom(...POOL)).map(([i, id]): Change => (d) => {
    const k = at(d.nextSteps, i);
    if (k >= 0) d.nextSteps[k]!.id = id;
  }),
  fc.tuple(fc.nat(), fc.constantFrom('meetings', 'nextSteps', 'threads') as fc.Arbitrary<'meetings' | 'nextSteps' | 'threads'>).map(
    ([i, c]): Change => (d) => {
      const list = d[c] as unknown[];
      const k = at(list, i);
      if (k >= 0) list.splice(k, 1);
    },
  ),
  fc.nat().map((i): Change => (d) => {
    const k = at(d.nextSteps, i);
    if (k >= 0) d.nextSteps.push(d.nextSteps[k]!); // the same record twice
  }),
  fc.nat().map((i): Change => (d) => {
    const k = at(d.meetings, i);
    if (k >= 0) d.meetings.unshift(d.meetings.splice(k, 1)[0]!); // moved only
  }),
  fc.constant<Change>((d) => void d.nextSteps.reverse()),
  fc.constantFrom(...POOL).map((id): Change => (d) => {
    const step = d.nextSteps.find((s) => s.id === id); // as findMeeting does: the array-methods plugin's `find`
    if (step) step.status = 'done';
  }),
  fc.constant<Change>((d) => {
    d.nextSteps = d.nextSteps.map((s) => ({ ...s })); // wholesale, as a restore does
  }),
  fc.constant<Change>((d) => {
    d.meetings = d.meetings.map((m) => ({ ...m, start: '2026-11-22T10:00:00+01:00' })); // wholesale, transformed
  }),
  fc.integer({ min: -5, max: 400 }).map((n): Change => (d) => void (d.settings.nextStep.maxDaysOut = n)),
  fc.constant<Change>((d) => void ((d as Partial<StoreDocument>).drafts = undefined)), // the default fills in
  fc.constant<Change>((d) => void ((d as Record<string, unknown>)['threads'] = 'oops')),
  fc.constant<Change>((d) => void ((d as Record<string, unknown>)['extra'] = 1)), // stripped, as zod does
  fc.constantFrom('2026-11-22', 'not a day').map((day): Change => (d) => void (d.review = { lastReviewedDay: day })),
  fc.tuple(fc.nat(), fc.constantFrom('', 'ok')).map(([i, value]): Change => (d) => {
    const k = at(d.meetings, i);
    if (k >= 0) d.drafts.push({ meetingId: d.meetings[k]!.id, savedAt: '2026-11-22T10:00:00Z', values: { what: value } });
  }),
  fc.constant<Change>((d) => void (d.nextSteps as unknown[]).push({ id: 'step-9', what: 'half a record' })),
);

/** What the store did before: validate everything, then refuse two different records under one id. */
function fullCheck(after: unknown): { ok: true; doc: StoreDocument } | { ok: false } {
  const parsed = StoreDocument.safeParse(after);
  if (!parsed.success) return { ok: false };
  return deduplicate(parsed.data).kind === 'ok' ? { ok: true, doc: parsed.data } : { ok: false };
}

describe('checking only what an update touched', () => {
  it('accepts and refuses exactly what a full check does, and yields the same document', () => {
    const withSteps = storeDocument().map((doc) => {
      const steps: NextStep[] = [nextStep(1), nextStep(2), nextStep(1)]; // an identical repeat is allowed
      return StoreDocument.parse({ ...doc, nextSteps: [...doc.nextSteps, ...steps], meetings: [...doc.meetings, meeting(1)] });
    });
    fc.assert(
      fc.property(withSteps, fc.array(change, { minLength: 1, maxLength: 12 }), (start, changes) => {
        const check = new TouchedCheck();
        let doc = freeze(start, true);
        for (const mutate of changes) {
          const after = immer.produce(doc, (draft) => void mutate(draft as StoreDocument));
          const expected = fullCheck(after);
          const verdict = check.check(doc, after);
          expect(verdict.ok).toBe(expected.ok);
          if (verdict.ok && expected.ok) {
            expect(verdict.doc).toEqual(expected.doc);
            verdict.commit();
            doc = verdict.doc;
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
