import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { liveMeeting, openMeetings } from '../../shared/rules/open-meetings';
import { storeDocument } from '../support/arbitraries';

describe('open meetings', () => {
  it('are the meetings not done or cancelled, in order, and the live one is among them', () => {
    fc.assert(
      fc.property(storeDocument(), (doc) => {
        const expected = doc.meetings.filter((m) => m.status !== 'done' && m.status !== 'cancelled');
        expect(openMeetings(doc)).toEqual(expected);
        expect(liveMeeting(doc)).toEqual(doc.meetings.find((m) => m.status === 'live') ?? null);
      }),
    );
  });

  it('are remembered for a frozen document and worked out afresh for one that may still change', () => {
    fc.assert(
      fc.property(storeDocument(), (doc) => {
        const frozen = Object.freeze({ ...doc });
        expect(openMeetings(frozen)).toBe(openMeetings(frozen));
        // A document that is not frozen may be edited between two questions: the second answer sees the edit.
        openMeetings(doc);
        for (const m of doc.meetings) m.status = 'done';
        expect(openMeetings(doc)).toHaveLength(0);
      }),
    );
  });
});
