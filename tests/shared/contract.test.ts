import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contract, CreateMeetingInput, methodNames, NextStepInput } from '../../shared/contract';
import { MEETING_KINDS, TASK_KINDS } from '../../shared/domain';
import { fieldMessages } from '../../electron/main/core/dispatch';
import { isoInstant, text } from '../support/arbitraries';

const validStep = fc.record({
  meetingId: fc.uuid(),
  kind: fc.constantFrom(...MEETING_KINDS, ...TASK_KINDS),
  what: text(),
  when: isoInstant(),
  owner: fc.constantFrom('me', 'prospect', 'both'),
  purpose: text(),
  bring: fc.option(text(), { nil: undefined }),
  agreed: fc.boolean(),
});

describe('IPC contract schemas', () => {
  it('accepts every well-formed next step', () => {
    fc.assert(
      fc.property(validStep, (step) => {
        expect(NextStepInput().safeParse(step).success).toBe(true);
      }),
    );
  });

  it('answers an empty next step with one plain sentence per required field', () => {
    const result = NextStepInput().safeParse({ meetingId: 'm1' });
    expect(result.success).toBe(false);
    const fields = fieldMessages(result.error!);
    expect(fields).toMatchObject({
      what: 'What happens next is required.',
      when: 'The date and time of the next step is required.',
      purpose: 'The point of the next step is required.',
      agreed: 'Say whether the prospect agreed to it on the call.',
    });
    expect(fields.kind).toMatch(/kind of step/);
    expect(fields.owner).toMatch(/who owns the step/);
  });

  it('rejects whitespace-only text and nonsense dates in plain words', () => {
    fc.assert(
      fc.property(validStep, fc.stringMatching(/^\s{0,5}$/), fc.string(), (step, blank, junk) => {
        fc.pre(Number.isNaN(Date.parse(junk)) || !/T/.test(junk));
        const fields = fieldMessages(NextStepInput().safeParse({ ...step, what: blank, when: junk }).error!);
        expect(fields.what).toBe('What happens next is required.');
        expect(fields.when).toMatch(/^The date and time of the next step is (required|not a valid date and time)\.$/);
      }),
    );
  });

  it('refuses unknown fields instead of storing them', () => {
    const fields = fieldMessages(NextStepInput().safeParse({ meetingId: 'm', sneaky: 1 }).error!);
    expect(fields['']).toBe('Unexpected field: sneaky.');
  });

  it('asks for the account and a sensible end time when creating a meeting', () => {
    const fields = fieldMessages(
      CreateMeetingInput().safeParse({
        title: 'Discovery',
        start: '2026-11-23T10:00:00Z',
        end: '2026-11-23T09:00:00Z',
      }).error!,
    );
    expect(fields.end).toBe('The meeting must end after it starts.');
    expect(fields.account).toMatch(/Name the account/);
  });

  it('lists every method once', () => {
    expect([...methodNames].sort()).toEqual(Object.keys(contract).sort());
    expect(new Set(methodNames).size).toBe(methodNames.length);
  });
});
