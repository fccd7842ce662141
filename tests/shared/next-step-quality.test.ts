import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessNextStep, isVagueAction, unacknowledged } from '../../shared/rules/next-step-quality';
import { text } from '../support/arbitraries';

const now = Date.parse('2026-11-23T09:00:00Z');
const inDays = (d: number) => new Date(now + d * 86_400_000).toISOString();
const opts = { now, maxDaysOut: 14 };
const good = { kind: 'demo' as const, what: 'Demo of route planning', when: inDays(3), purpose: 'Show it on their data', bring: 'Sample plan', agreed: true };

describe('next-step quality coach', () => {
  it.each([
    'Demo of their follow-up workflow',
    'Send the signed order form by Friday',
    'Pricing call with the CFO',
    'They send the NDA',
    'Workshop on depot routing with Dana',
    'Connector setup review', // "connect" only as a whole word
    'Checkout flow walkthrough',
  ])('does not call "%s" vague', (what) => {
    expect(isVagueAction(what)).toBe(false);
  });

  it.each([
    'f/u next week',
    'follow up',
    'Follow-up call',
    'touch base re pricing',
    'circle back',
    'Quick check-in',
    'check in with Dana',
    'send info',
    'Send over some information',
    'catch up',
    "We'll reach out",
    'just ping them',
  ])('calls "%s" vague', (what) => {
    expect(isVagueAction(what)).toBe(true);
  });

  it('finds nothing wrong with a good step', () => {
    expect(assessNextStep(good, opts)).toEqual([]);
  });

  it('requires an action, a future date-time and a point — and these cannot be acknowledged away', () => {
    const findings = assessNextStep({ ...good, what: ' ', when: inDays(-1), purpose: '' }, opts);
    expect(findings.map((f) => [f.field, f.severity])).toEqual([
      ['what', 'required'],
      ['when', 'required'],
      ['purpose', 'required'],
    ]);
    expect(unacknowledged(findings, ['missing-what', 'past', 'missing-purpose'])).toEqual([]);
    expect(findings.every((f) => f.severity === 'required')).toBe(true);
  });

  it('warns about far-out, unagreed steps with nothing to bring, and lets the rep acknowledge each', () => {
    const findings = assessNextStep({ ...good, when: inDays(30), agreed: false, bring: '' }, opts);
    expect(findings.map((f) => f.code)).toEqual(['far-out', 'not-agreed', 'nothing-to-bring']);
    expect(findings.find((f) => f.code === 'far-out')?.message).toMatch(/30 days/);
    expect(unacknowledged(findings, ['far-out', 'not-agreed']).map((f) => f.code)).toEqual(['nothing-to-bring']);
  });

  it('does not ask what to bring to a task', () => {
    expect(assessNextStep({ ...good, kind: 'task', bring: '' }, opts)).toEqual([]);
  });

  it('never throws and always explains itself, whatever is typed', () => {
    fc.assert(
      fc.property(
        fc.record({ what: fc.string(), when: fc.oneof(fc.string(), fc.constant(undefined)), purpose: fc.string(), bring: fc.string(), agreed: fc.boolean() }),
        (draft) => {
          for (const f of assessNextStep(draft, opts)) expect(f.message.length).toBeGreaterThan(15);
        },
      ),
    );
  });

  it('a step is valid exactly when it has an action, a future time and a point', () => {
    fc.assert(
      fc.property(fc.oneof(text(), fc.constant('')), fc.integer({ min: -30, max: 30 }), fc.oneof(text(), fc.constant('')), (what, days, purpose) => {
        const blocked = assessNextStep({ ...good, what, when: inDays(days), purpose }, opts).some((f) => f.severity === 'required');
        expect(blocked).toBe(!what.trim() || days <= 0 || !purpose.trim());
      }),
    );
  });
});
