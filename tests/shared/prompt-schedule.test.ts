import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Settings, type Confirmation } from '../../shared/domain';
import { duePrompt, nextPromptChange, type PromptAnswer } from '../../shared/rules/prompt-schedule';

const prompts = Settings.parse({}).prompts; // re-confirm half-way, ask 5 minutes before the end
const start = Date.parse('2026-11-23T10:00:00Z');
const min = (n: number) => start + n * 60_000;
const at = (n: number) => new Date(min(n)).toISOString();
const agenda = (done: boolean[]) => done.map((d, i) => ({ id: `a${i}`, text: `Item ${i}`, done: d }));
const meeting = (confirmations: Confirmation[] = [], done = [false, false, false]) => ({
  start: at(0),
  end: at(30),
  startedAt: at(1),
  confirmations,
  agenda: agenda(done),
});
const confirmed: Confirmation = { kind: 'confirm', at: at(2), result: 'agreed' };
const reconfirmed: Confirmation = { kind: 'reconfirm', at: at(16), result: 'agreed' };

describe('prompt schedule', () => {
  it('asks to confirm the purpose from the start until it is confirmed', () => {
    expect(duePrompt(meeting(), [], prompts, min(1))?.kind).toBe('confirm-purpose');
    expect(duePrompt(meeting(), [], prompts, min(10))?.kind).toBe('confirm-purpose');
    expect(duePrompt(meeting([confirmed]), [], prompts, min(10))).toBeNull();
  });

  it('asks to re-confirm half-way, or as soon as the last item before the close is reached', () => {
    expect(duePrompt(meeting([confirmed]), [], prompts, min(14))).toBeNull();
    expect(duePrompt(meeting([confirmed]), [], prompts, min(15))?.kind).toBe('reconfirm-purpose');
    expect(duePrompt(meeting([confirmed], [true, true, false]), [], prompts, min(8))?.kind).toBe('reconfirm-purpose');
    expect(duePrompt(meeting([confirmed, reconfirmed]), [], prompts, min(20))).toBeNull();
  });

  it('asks for the next meeting five minutes before the end, then offers to end the call past it', () => {
    const m = meeting([confirmed, reconfirmed]);
    expect(duePrompt(m, [], prompts, min(25))?.kind).toBe('ask-next-meeting');
    const asked: PromptAnswer[] = [{ prompt: 'ask-next-meeting', answer: 'done', at: at(26) }];
    expect(duePrompt(m, asked, prompts, min(29))).toBeNull();
    expect(duePrompt(m, asked, prompts, min(30))?.kind).toBe('overtime');
  });

  it('lets a snoozed prompt wait quietly, then brings it back', () => {
    const snoozed: PromptAnswer[] = [{ prompt: 'confirm-purpose', answer: 'snoozed', at: at(3), snoozeMinutes: 2 }];
    expect(duePrompt(meeting(), snoozed, prompts, min(4))).toBeNull();
    expect(nextPromptChange(meeting(), snoozed, prompts, min(4))).toBe(min(5));
    expect(duePrompt(meeting(), snoozed, prompts, min(5))?.kind).toBe('confirm-purpose');
  });

  it('shows at most one prompt, and only once it is due', () => {
    fc.assert(
      fc.property(
        // From the moment the call started; a clock set back before it is prompt-schedule-clock-jumps.test.ts's.
        fc.integer({ min: 1, max: 90 }),
        fc.subarray([confirmed, reconfirmed]),
        fc.array(fc.boolean(), { minLength: 0, maxLength: 6 }),
        (minute, confirmations, done) => {
          const m = meeting(confirmations, done);
          const prompt = duePrompt(m, [], prompts, min(minute));
          if (prompt) expect(prompt.dueAt).toBeLessThanOrEqual(min(minute));
          if (minute >= 30) expect(prompt?.kind).toBe('overtime');
          // Nothing changes by time alone before the reported next change.
          const next = nextPromptChange(m, [], prompts, min(minute));
          if (next !== null) expect(duePrompt(m, [], prompts, next - 1)).toEqual(prompt);
        },
      ),
    );
  });
});
