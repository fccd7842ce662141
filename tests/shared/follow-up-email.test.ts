import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { followUpEmail } from '../../shared/rules/follow-up-email';

describe('follow-up email', () => {
  it('puts the agreed step, its time, its point and what we bring in writing', () => {
    const { subject, body } = followUpEmail({
      firstName: 'Dana',
      callPurpose: 'Learn how Acme plans routes today.',
      step: { what: 'Demo with Dana and the ops team', purpose: 'Show route planning on their depot data', bring: 'A sample plan built from their depot list' },
      when: 'Tuesday 25 November at 15:00',
    });
    expect(subject).toBe('Next step: Demo with Dana and the ops team (Tuesday 25 November at 15:00)');
    expect(body).toContain('Hi Dana,');
    expect(body).toContain('We set out to learn how Acme plans routes today.');
    expect(body).toContain('As agreed, our next step: Demo with Dana and the ops team — Tuesday 25 November at 15:00.');
    expect(body).toContain('The point of it: show route planning on their depot data.');
    expect(body).toContain("I'll bring a sample plan built from their depot list.");
  });

  it('leaves out what is not known rather than writing blanks', () => {
    const { body } = followUpEmail({ callPurpose: '', step: { what: 'Send the proposal', purpose: 'Pricing for two depots', bring: '' }, when: 'Friday' });
    expect(body.startsWith('Hi there,')).toBe(true);
    expect(body).not.toMatch(/We set out to|I'll bring|undefined|\.\./);
  });

  it('never writes "undefined" or doubled stops, whatever was typed', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), fc.string(), (purpose, what, point, bring) => {
        const { subject, body } = followUpEmail({ callPurpose: purpose, step: { what, purpose: point, bring }, when: 'Monday' });
        expect(`${subject}\n${body}`).not.toContain('undefined');
      }),
    );
  });
});
