import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  CONTEXT_LENGTH,
  overlaps,
  quoteSelector,
  spanProblem,
  splitsSurrogatePair,
} from '../src/offsets';

// Written out by hand so the expected offsets do not come from the code under test:
// "Åse i Tromsø: “ja” — 同伴 😀 👩🏽‍⚕️ slut"
//  Å s e ␠ i ␠ T r o m s ø : ␠ “ j a ” ␠ — ␠ 同 伴 ␠ 😀(2) ␠ 👩(2) 🏽(2) ZWJ ⚕ VS16 ␠ s l u t
const TEXT = 'Åse i Tromsø: “ja” — 同伴 😀 👩🏽‍⚕️ slut';
const GRIN = 24; // the high half of 😀 sits at 24, the low half at 25
const NURSE = 27; // 👩🏽‍⚕️ spans [27, 34): 👩 [27, 29), 🏽 [29, 31), ZWJ 31, ⚕ 32, VS16 33

describe('the test text', () => {
  it('has the hand-counted layout the other tests rely on', () => {
    expect(TEXT.length).toBe(39);
    expect(TEXT.codePointAt(GRIN)).toBe(0x1f600);
    expect(TEXT.codePointAt(NURSE)).toBe(0x1f469);
    expect(TEXT.charCodeAt(NURSE + 4)).toBe(0x200d);
  });
});

describe('spanProblem', () => {
  it('accepts a span whose quote is exactly the text there, including non-ASCII', () => {
    expect(spanProblem(TEXT, { start: 0, end: 3 }, 'Åse')).toBeNull();
    expect(spanProblem(TEXT, { start: 6, end: 12 }, 'Tromsø')).toBeNull();
    expect(spanProblem(TEXT, { start: 14, end: 18 }, '“ja”')).toBeNull();
    expect(spanProblem(TEXT, { start: 19, end: 20 }, '—')).toBeNull();
    expect(spanProblem(TEXT, { start: 21, end: 23 }, '同伴')).toBeNull();
    expect(spanProblem(TEXT, { start: GRIN, end: GRIN + 2 }, '😀')).toBeNull();
    expect(spanProblem(TEXT, { start: NURSE, end: NURSE + 7 }, '👩🏽‍⚕️')).toBeNull();
    expect(spanProblem(TEXT, { start: 0, end: TEXT.length }, TEXT)).toBeNull();
  });

  it('accepts a span without a quote when only the offsets are checked', () => {
    expect(spanProblem(TEXT, { start: 0, end: 1 })).toBeNull();
  });

  it.each([
    ['start equal to end', 3, 3],
    ['start after end', 5, 2],
    ['the empty document', 0, 0],
  ])('rejects an empty span (%s)', (_name, start, end) => {
    expect(spanProblem(TEXT, { start, end })).toMatch(/empty/);
  });

  it('rejects a negative start', () => {
    expect(spanProblem(TEXT, { start: -1, end: 3 })).toMatch(/negative/);
  });

  it('rejects an end beyond the text and says how long the text is', () => {
    expect(spanProblem(TEXT, { start: 0, end: 40 })).toMatch(/beyond the end.*length 39/);
    expect(spanProblem(TEXT, { start: 39, end: 45 })).toMatch(/beyond the end/);
    expect(spanProblem('', { start: 0, end: 1 })).toMatch(/beyond the end.*length 0/);
  });

  it.each([
    [1.5, 3],
    [0, 2.25],
    [Number.NaN, 3],
    [0, Number.POSITIVE_INFINITY],
  ])('rejects non-integer offsets [%s, %s)', (start, end) => {
    expect(spanProblem(TEXT, { start, end })).toMatch(/whole numbers/);
  });

  it('rejects a start or end between the two halves of an emoji', () => {
    expect(spanProblem(TEXT, { start: GRIN + 1, end: GRIN + 3 })).toMatch(/start 25 splits/);
    expect(spanProblem(TEXT, { start: 0, end: GRIN + 1 })).toMatch(/end 25 splits/);
    // Inside a ZWJ sequence: the woman and the skin tone are each a surrogate pair.
    expect(spanProblem(TEXT, { start: NURSE + 1, end: NURSE + 7 })).toMatch(/splits/);
    expect(spanProblem(TEXT, { start: NURSE, end: NURSE + 3 })).toMatch(/splits/);
  });

  it('allows cuts between the code points of a ZWJ sequence (only surrogate pairs are indivisible)', () => {
    // DESIGN.md forbids splitting surrogate pairs, not grapheme clusters.
    expect(spanProblem(TEXT, { start: NURSE, end: NURSE + 2 }, '👩')).toBeNull();
    expect(spanProblem(TEXT, { start: NURSE + 4, end: NURSE + 7 })).toBeNull();
  });

  it('rejects a quote that differs from the text and shows the text that is there', () => {
    const problem = spanProblem(TEXT, { start: 6, end: 12 }, 'Tromso');
    expect(problem).toMatch(/does not match/);
    expect(problem).toContain('"Tromsø"');
    // Straight quotes for curly ones, a hyphen for the em dash.
    expect(spanProblem(TEXT, { start: 14, end: 18 }, '"ja"')).toMatch(/does not match/);
    expect(spanProblem(TEXT, { start: 19, end: 20 }, '-')).toMatch(/does not match/);
  });

  it('compares quotes exactly: a decomposed å is not the composed one', () => {
    expect(spanProblem('Åse', { start: 0, end: 3 }, 'A\u030ase')).toMatch(/does not match/);
  });

  it('shortens a long mismatching text in the message', () => {
    const long = 'ø'.repeat(500);
    const problem = spanProblem(long, { start: 0, end: 500 }, 'x');
    expect(problem).toMatch(/does not match/);
    expect(problem!.length).toBeLessThan(200);
  });

  it('accepts exactly the spans whose ends fall on code point boundaries (property)', () => {
    const char = fc.constantFrom('a', 'å', 'ø', '“', '—', '同', '😀', '👩🏽‍⚕️', ' ');
    fc.assert(
      fc.property(fc.array(char, { maxLength: 12 }), fc.nat(), fc.nat(), (chars, a, b) => {
        const text = chars.join('');
        // Oracle: the boundaries between code points, found by iterating code points.
        const boundaries = new Set([0]);
        let at = 0;
        for (const cp of text) boundaries.add((at += cp.length));
        const start = a % (text.length + 1);
        const end = b % (text.length + 1);
        const problem = spanProblem(text, { start, end }, text.slice(start, end));
        const valid = start < end && boundaries.has(start) && boundaries.has(end);
        expect(problem === null).toBe(valid);
      }),
    );
  });
});

describe('splitsSurrogatePair', () => {
  it('is false at the edges of the text and around lone surrogates', () => {
    expect(splitsSurrogatePair('😀', 0)).toBe(false);
    expect(splitsSurrogatePair('😀', 1)).toBe(true);
    expect(splitsSurrogatePair('😀', 2)).toBe(false);
    expect(splitsSurrogatePair('a\ud83db', 2)).toBe(false);
  });
});

describe('quoteSelector', () => {
  it('keeps the quote and up to CONTEXT_LENGTH characters on each side', () => {
    const before = 'x'.repeat(CONTEXT_LENGTH + 5);
    const after = 'y'.repeat(CONTEXT_LENGTH + 5);
    const text = `${before}Tromsø${after}`;
    const start = before.length;
    expect(quoteSelector(text, { start, end: start + 6 })).toEqual({
      quote: 'Tromsø',
      prefix: 'x'.repeat(CONTEXT_LENGTH),
      suffix: 'y'.repeat(CONTEXT_LENGTH),
    });
  });

  it('keeps shorter context at the start and end of the text', () => {
    expect(quoteSelector('Åse i Tromsø', { start: 4, end: 5 })).toEqual({
      quote: 'i',
      prefix: 'Åse ',
      suffix: ' Tromsø',
    });
  });

  it('never cuts the context inside a surrogate pair, and keeps it adjacent (property)', () => {
    const char = fc.constantFrom('a', 'ø', '😀', '👩🏽‍⚕️');
    const lone = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
    fc.assert(
      fc.property(
        fc.array(char, { minLength: 1, maxLength: 40, size: 'max' }),
        fc.nat(),
        fc.nat(),
        (chars, a, b) => {
          const text = chars.join('');
          const boundaries = [0];
          for (const cp of text) boundaries.push(boundaries.at(-1)! + cp.length);
          const [start, end] = [a % boundaries.length, b % boundaries.length]
            .map((i) => boundaries[i]!)
            .sort((x, y) => x - y) as [number, number];
          const { prefix, suffix } = quoteSelector(text, { start, end });
          expect(prefix).not.toMatch(lone);
          expect(suffix).not.toMatch(lone);
          expect(text.slice(0, start).endsWith(prefix)).toBe(true);
          expect(text.startsWith(suffix, end)).toBe(true);
          expect(prefix.length).toBeGreaterThanOrEqual(Math.min(start, CONTEXT_LENGTH - 1));
          expect(suffix.length).toBeGreaterThanOrEqual(
            Math.min(text.length - end, CONTEXT_LENGTH - 1),
          );
        },
      ),
    );
  });
});

describe('overlaps', () => {
  it('treats spans as half-open: touching spans do not overlap', () => {
    expect(overlaps({ start: 0, end: 5 }, { start: 5, end: 9 })).toBe(false);
    expect(overlaps({ start: 0, end: 5 }, { start: 4, end: 9 })).toBe(true);
    expect(overlaps({ start: 2, end: 3 }, { start: 0, end: 9 })).toBe(true);
    expect(overlaps({ start: 0, end: 9 }, { start: 2, end: 3 })).toBe(true);
  });

  it('agrees with sharing at least one code unit (property)', () => {
    const span = fc
      .tuple(fc.nat(20), fc.nat(20))
      .filter(([s, e]) => s < e)
      .map(([start, end]) => ({ start, end }));
    fc.assert(
      fc.property(span, span, (a, b) => {
        let shared = false;
        for (let i = a.start; i < a.end; i++) if (i >= b.start && i < b.end) shared = true;
        expect(overlaps(a, b)).toBe(shared);
      }),
    );
  });
});
