// The overlay's prompts when the clock jumps backwards (NTP correction, a wrong time fixed by hand, a VM resumed):
// a live call never loses its "confirm the purpose" prompt, a snooze answered "in the future" does not hide a prompt
// for the length of the jump, and the next wake-up is never in the past (no timer loop).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Settings, type Confirmation } from '../../shared/domain';
import { duePrompt, nextPromptChange, type PromptAnswer } from '../../shared/rules/prompt-schedule';

const prompts = Settings.parse({}).prompts;
const start = Date.parse('2026-11-23T10:00:00Z');
const min = (n: number) => start + n * 60_000;
const at = (n: number) => new Date(min(n)).toISOString();
/** A two-hour call, started a minute late. */
const call = (confirmations: Confirmation[] = []) => ({ start: at(0), end: at(120), startedAt: at(1), confirmations, agenda: [] });

describe('after the clock jumps backwards', () => {
  it('a live call still asks to confirm its purpose, even with the clock before its start', () => {
    expect(duePrompt(call(), [], prompts, min(-30))?.kind).toBe('confirm-purpose');
    expect(duePrompt(call(), [], prompts, min(-24 * 60))?.kind).toBe('confirm-purpose');
  });

  it('a snooze taken later than "now" does not hide the prompt for the length of the jump', () => {
    const snoozed: PromptAnswer[] = [{ prompt: 'confirm-purpose', answer: 'snoozed', at: at(60), snoozeMinutes: 2 }];
    expect(duePrompt(call(), snoozed, prompts, min(61))).toBeNull(); // the snooze itself still works
    expect(duePrompt(call(), snoozed, prompts, min(10))?.kind).toBe('confirm-purpose'); // 50 minutes back
  });

  it('answers that are done stay done', () => {
    const confirmed: Confirmation = { kind: 'confirm', at: at(60), result: 'agreed' };
    expect(duePrompt(call([confirmed]), [], prompts, min(10))).toBeNull();
  });

  it('property: an unconfirmed live call always has a prompt, and the next wake-up is never in the past', () => {
    const answer = fc.record({
      prompt: fc.constantFrom('confirm-purpose' as const, 'reconfirm-purpose' as const, 'ask-next-meeting' as const, 'overtime' as const),
      answer: fc.constantFrom('done' as const, 'snoozed' as const),
      at: fc.integer({ min: -600, max: 600 }).map(at),
      snoozeMinutes: fc.integer({ min: 1, max: 30 }),
    });
    fc.assert(
      fc.property(fc.array(answer, { maxLength: 6 }), fc.integer({ min: -3000, max: 3000 }), (answers, nowMinute) => {
        const now = min(nowMinute);
        const last = answers.filter((a) => a.prompt === 'confirm-purpose').at(-1);
        // The call is past its start whatever the clock says; a snooze is in force only from when it was taken.
        const callTime = Math.max(now, min(1));
        const snoozedNow = last?.answer === 'snoozed' && Date.parse(last.at) <= callTime && callTime < Date.parse(last.at) + last.snoozeMinutes * 60_000;
        if (last?.answer !== 'done' && !snoozedNow) expect(duePrompt(call(), answers, prompts, now)).not.toBeNull();
        const next = nextPromptChange(call(), answers, prompts, now);
        expect(next === null || next > now).toBe(true);
      }),
    );
  });
});
