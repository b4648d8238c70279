import { describe, expect, it } from 'vitest';
import { codeCountLabel } from './count-label';

describe('the number beside a code', () => {
  it("counts a code's highlights", () => {
    expect(codeCountLabel(1, false)).toBe('1 highlight');
    expect(codeCountLabel(6, false)).toBe('6 highlights');
  });

  it("calls a theme's sum codings, since one highlight may carry two of its sub-codes", () => {
    expect(codeCountLabel(15, true)).toBe('15 codings in it and its sub-codes');
    expect(codeCountLabel(1, true)).toBe('1 coding in it and its sub-codes');
  });
});
