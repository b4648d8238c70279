import { describe, expect, it } from 'vitest';
import { nextColor, PALETTE } from '../src/palette';

describe('palette', () => {
  it('has ten distinct six-digit hex colours (Tableau 10)', () => {
    expect(PALETTE).toHaveLength(10);
    for (const c of PALETTE) expect(c).toMatch(/^#[0-9A-F]{6}$/);
    expect(new Set(PALETTE.map((c) => c.toUpperCase())).size).toBe(10);
    expect(PALETTE[0]).toBe('#4E79A7');
  });

  it('gives the first ten codes ten different colours, then starts over', () => {
    const first = Array.from({ length: 10 }, (_, i) => nextColor(i));
    expect(new Set(first).size).toBe(10);
    expect(nextColor(10)).toBe(nextColor(0));
    expect(nextColor(23)).toBe(nextColor(3));
  });
});
