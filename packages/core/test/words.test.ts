import { describe, expect, it } from 'vitest';
import { inVivoName, moveSpanEdge, nextWordEnd, previousWordStart, trimSpan } from '../src/words';

const text = 'Peer workers felt “like a bridge” between staff and users.';

describe('word moves', () => {
  it('finds the next word end and previous word start', () => {
    expect(nextWordEnd(text, 4)).toBe(12); // " workers"
    expect(previousWordStart(text, 12)).toBe(5);
    expect(previousWordStart(text, 0)).toBe(0);
    expect(nextWordEnd(text, text.length)).toBe(text.length);
  });

  it('extends and shrinks each edge by one word', () => {
    const span = { start: 5, end: 17 }; // "workers felt"
    expect(moveSpanEdge(text, span, 'start', 'extend')).toEqual({ start: 0, end: 17 });
    expect(moveSpanEdge(text, span, 'start', 'shrink')).toEqual({ start: 13, end: 17 });
    expect(moveSpanEdge(text, span, 'end', 'extend')).toEqual({ start: 5, end: 23 });
    expect(moveSpanEdge(text, span, 'end', 'shrink')).toEqual({ start: 5, end: 12 });
  });

  it('refuses a move that would empty the span or change nothing', () => {
    expect(moveSpanEdge(text, { start: 5, end: 12 }, 'start', 'shrink')).toBeNull();
    expect(moveSpanEdge(text, { start: 5, end: 12 }, 'end', 'shrink')).toBeNull();
    expect(moveSpanEdge(text, { start: 0, end: 4 }, 'start', 'extend')).toBeNull();
  });

  it('treats non-ASCII letters as word characters and never splits an emoji', () => {
    const t = 'Åkerblom 😀 säger';
    expect(nextWordEnd(t, 0)).toBe(8);
    expect(nextWordEnd(t, 8)).toBe(t.length);
    expect(previousWordStart(t, t.length)).toBe(t.length - 5);
  });
});

describe('trimSpan', () => {
  it('drops surrounding whitespace', () => {
    expect(trimSpan('  a b  ', { start: 0, end: 7 })).toEqual({ start: 2, end: 5 });
    expect(trimSpan('   ', { start: 0, end: 3 })).toEqual({ start: 3, end: 3 });
  });
});

describe('inVivoName', () => {
  it('cleans quotes and whitespace', () => {
    expect(inVivoName('  “like a\n bridge”, ')).toBe('like a bridge');
  });
  it('cuts long quotes at a word boundary', () => {
    const name = inVivoName('word '.repeat(40), 20);
    expect(name.length).toBeLessThanOrEqual(20);
    expect(name.endsWith('…')).toBe(true);
    expect(name).not.toMatch(/\s…$/);
  });
});
