import { describe, expect, it } from 'vitest';
import { acceptedText, resolutionText } from './resolution-text';

const names = new Map([
  ['a', 'Astrid'],
  ['b', 'Bo'],
  ['c', 'Cai'],
]);

describe('acceptedText', () => {
  it('names the coder whose version the consensus took, both, or neither', () => {
    expect(acceptedText(['a'], ['a', 'b'], names)).toBe("Astrid's version");
    expect(acceptedText(['b', 'a'], ['a', 'b'], names)).toBe('both versions');
    expect(acceptedText([], ['a', 'b'], names)).toBe('neither version (not coded)');
  });

  it('lists a subset of three or more coders, and every version when all were taken', () => {
    expect(acceptedText(['a', 'c'], ['a', 'b', 'c'], names)).toBe('the versions of Astrid and Cai');
    expect(acceptedText(['a', 'b', 'c'], ['a', 'b', 'c'], names)).toBe('every version');
  });

  it('never shows an id for a coder who has left the project', () => {
    expect(acceptedText(['gone'], ['gone', 'a'], names)).toBe("a former coder's version");
  });
});

describe('resolutionText', () => {
  it('says who resolved it, when, and what the consensus took', () => {
    const text = resolutionText(
      {
        accepted: ['a'],
        coders: ['a', 'b'],
        userName: 'Olivia',
        createdAt: '2026-11-28T10:00:00Z',
      },
      names,
      (iso) => iso.slice(0, 10),
    );
    expect(text).toBe("Resolved by Olivia on 2026-11-28: took Astrid's version.");
  });
});
