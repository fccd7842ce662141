// Property (Node, fast-check): the store file's bytes are exactly `JSON.stringify(doc, null, 2)` plus a newline (UTF-8) —
// whatever the document, frozen or not, and after changes that reuse the text kept for unchanged records.
import fc from 'fast-check';
import { freeze } from 'immer';
import { describe, expect, it } from 'vitest';
import type { StoreDocument } from '../../../shared/domain';
import { storeImmer } from '../../../electron/main/core/store/drafts';
import { serialize, warmRecordBytes } from '../../../electron/main/core/store/serialize';
import { storeDocument, text } from '../../support/arbitraries';
import { nextStep } from './records';

const reference = (doc: unknown) => `${JSON.stringify(doc, null, 2)}\n`;
const documentText = (doc: object) => serialize(doc).toString('utf8');

describe('the store file text', () => {
  it('is what JSON.stringify gives, for any document and any value in it', () => {
    fc.assert(
      fc.property(storeDocument(), fc.oneof(fc.jsonValue(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' })), fc.boolean(), (doc, extra, frozen) => {
        const withExtra = { ...doc, review: undefined, extra, nextSteps: [...doc.nextSteps, { odd: [extra], what: 'Demo — “new” ✓' }] };
        const subject = frozen ? freeze(withExtra, true) : withExtra;
        expect(documentText(subject)).toBe(reference(subject));
        expect(documentText({})).toBe(reference({}));
      }),
      { numRuns: 200 },
    );
  });

  it('stays exact across changes, where unchanged records reuse their kept bytes', async () => {
    await fc.assert(
      fc.asyncProperty(storeDocument(), fc.array(fc.tuple(fc.nat(), text(40)), { maxLength: 8 }), fc.boolean(), async (start, edits, warm) => {
        let doc: StoreDocument = freeze(start, true);
        // Every record's bytes are kept now: encoded ahead in slices (as after open), or by a first write.
        if (warm) await warmRecordBytes(doc, () => false);
        else documentText(doc);
        for (const [i, what] of edits) {
          doc = storeImmer.produce(doc, (d) => {
            if (d.nextSteps.length > 0) d.nextSteps[i % d.nextSteps.length]!.what = what;
            d.nextSteps.push({ ...nextStep(i), what });
            if (d.meetings.length > 0) d.meetings[i % d.meetings.length]!.notes = what;
          });
          expect(documentText(doc)).toBe(reference(doc));
        }
      }),
      { numRuns: 100 },
    );
  });
});
