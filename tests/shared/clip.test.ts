// `clip`: text the app composes must fit the field the store keeps it in, without losing what fits or breaking a
// character in two.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clip } from '../../shared/domain';

const hasLoneSurrogate = (s: string) => /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);

describe('clip', () => {
  it('leaves text that fits as it is', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.nat(50), (text, extra) => {
        expect(clip(text, text.length + extra)).toBe(text);
      }),
    );
  });

  it('cuts longer text to at most the limit, keeping its start and ending in "…", never splitting a character', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 3, maxLength: 400 }), fc.integer({ min: 2, max: 300 }), (text, max) => {
        fc.pre(text.length > max && !hasLoneSurrogate(text));
        const cut = clip(text, max);
        expect(cut.length).toBeLessThanOrEqual(max);
        expect(cut.endsWith('…')).toBe(true);
        // as much as fits: one place for the "…", one more only to keep a surrogate pair whole
        expect([text.slice(0, max - 1), text.slice(0, max - 2)].map((s) => s.trimEnd())).toContain(cut.slice(0, -1));
        expect(hasLoneSurrogate(cut)).toBe(false);
      }),
    );
  });

  it('keeps an emoji whole or leaves it out', () => {
    expect(clip('Call with 🚀🚀🚀', 12)).toBe('Call with…');
    expect(clip('Call with 🚀🚀🚀', 13)).toBe('Call with 🚀…');
    expect(clip('Call with Acme Logistics', 15)).toBe('Call with Acme…');
  });
});
