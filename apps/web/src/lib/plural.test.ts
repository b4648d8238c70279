import { describe, expect, it } from 'vitest';
import { countOf } from './plural';

describe('countOf', () => {
  it('says 1 study, and studies for every other count, zero included', () => {
    expect(countOf(1, 'study', 'studies')).toBe('1 study');
    expect(countOf(0, 'study', 'studies')).toBe('0 studies');
    expect(countOf(2, 'study', 'studies')).toBe('2 studies');
    expect(countOf(10_000, 'highlight', 'highlights')).toBe('10,000 highlights');
  });
});
