import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { transition, type LifecycleEvent } from '../../shared/rules/lifecycle';
import { statuses } from '../support/arbitraries';

const events: LifecycleEvent[] = ['start', 'end', 'held', 'no-show', 'cancel', 'resolve'];

describe('meeting lifecycle', () => {
  it('walks the happy path planned -> live -> wrapping-up -> done', () => {
    expect(transition('planned', 'start', true)).toEqual({ ok: true, to: 'live' });
    expect(transition('live', 'end', true)).toEqual({ ok: true, to: 'wrapping-up' });
    expect(transition('wrapping-up', 'resolve', true)).toEqual({ ok: true, to: 'done' });
  });

  it('lets an ungated (internal) call end straight into done', () => {
    expect(transition('live', 'end', false)).toEqual({ ok: true, to: 'done' });
  });

  it('refuses moves out of done and cancelled with a plain sentence', () => {
    for (const from of ['done', 'cancelled'] as const) {
      for (const event of events) {
        const result = transition(from, event, true);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.reason).toMatch(/^This meeting .+\.$/);
      }
    }
  });

  it('never lets a gated call reach done without a resolve (the wrap-up cannot be skipped)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...events), { maxLength: 12 }), (sequence) => {
        let status = 'planned' as (typeof statuses)[number];
        let held = false;
        let resolved = false;
        for (const event of sequence) {
          const next = transition(status, event, true);
          if (!next.ok) continue;
          if (event === 'end' || event === 'held' || event === 'no-show') held = true;
          if (event === 'resolve') resolved = true;
          status = next.to;
        }
        if (status === 'done') expect(held && resolved).toBe(true);
      }),
    );
  });

  it('always answers with a known status or a refusal', () => {
    fc.assert(
      fc.property(fc.constantFrom(...statuses), fc.constantFrom(...events), fc.boolean(), (from, event, gated) => {
        const result = transition(from, event, gated);
        if (result.ok) expect(statuses).toContain(result.to);
        else expect(result.reason.length).toBeGreaterThan(10);
        if (!gated && result.ok) expect(['wrapping-up', 'no-show']).not.toContain(result.to);
      }),
    );
  });
});
