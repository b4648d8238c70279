import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { chunkText, estimateLines } from '../src/chunks';

describe('chunkText', () => {
  it('returns no chunks for an empty text and one for a text without line breaks', () => {
    expect(chunkText('')).toEqual([]);
    expect(chunkText('x'.repeat(10_000), { minLength: 10 })).toEqual([{ start: 0, end: 10_000 }]);
  });

  it('cuts after the first newline of a blank line once a chunk is long enough', () => {
    const text = 'aaaa\n\nbb\n\ncccc\n\nd';
    expect(chunkText(text, { minLength: 4 }).map((c) => text.slice(c.start, c.end))).toEqual([
      'aaaa\n',
      '\nbb\n',
      '\ncccc\n',
      '\nd',
    ]);
  });

  it('keeps a short paragraph with the next one', () => {
    const text = 'a\n\nb\n\ncccccc';
    expect(chunkText(text, { minLength: 4 }).map((c) => text.slice(c.start, c.end))).toEqual([
      'a\n\nb\n',
      '\ncccccc',
    ]);
  });

  it('falls back to single line breaks past the maximum length', () => {
    const text = 'aaa\nbbb\nccc\nddd';
    expect(chunkText(text, { minLength: 2, maxLength: 6 }).map((c) => c.end)).toEqual([8, 15]);
  });

  it('keeps \\r\\n together and treats \\r\\n\\r\\n as a blank line', () => {
    const text = 'aaaa\r\n\r\nbbbb';
    expect(chunkText(text, { minLength: 2 }).map((c) => text.slice(c.start, c.end))).toEqual([
      'aaaa\r\n',
      '\r\nbbbb',
    ]);
  });

  it('tiles the text and cuts only after line breaks (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'é', '😀', ' ', '\n', '\r') }),
        fc.integer({ min: 1, max: 12 }),
        (text, minLength) => {
          const chunks = chunkText(text, { minLength });
          expect(chunks.map((c) => text.slice(c.start, c.end)).join('')).toBe(text);
          chunks.forEach((c, i) => {
            expect(c.start).toBe(i === 0 ? 0 : chunks[i - 1]!.end);
            expect(c.end).toBeGreaterThan(c.start);
            if (i > 0) expect(text[c.start - 1]).toBe('\n');
          });
        },
      ),
    );
  });

  it('handles a long document quickly', () => {
    const text = ('word '.repeat(180) + '\n\n').repeat(60);
    const chunks = chunkText(text);
    expect(chunks.length).toBeGreaterThan(20);
    expect(chunks.at(-1)!.end).toBe(text.length);
  });
});

describe('estimateLines', () => {
  it('counts wrapped lines, empty lines, and no line for a final newline', () => {
    expect(estimateLines('', 10)).toBe(1);
    expect(estimateLines('x'.repeat(25), 10)).toBe(3);
    expect(estimateLines('ab\n\ncd\n', 10)).toBe(3);
    expect(estimateLines('\nab', 10)).toBe(2);
  });
});
