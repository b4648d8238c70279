import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { distributeStudies } from '../src/assignments';

describe('distributeStudies', () => {
  it('gives every study to every coder when no number per study is asked for', () => {
    expect(distributeStudies(['s1', 's2'], ['ann', 'bo'])).toEqual([
      ['s1', 'ann'],
      ['s1', 'bo'],
      ['s2', 'ann'],
      ['s2', 'bo'],
    ]);
  });

  it('splits studies evenly, one coder each', () => {
    const pairs = distributeStudies(['a', 'b', 'c', 'd', 'e'], ['ann', 'bo'], 1);
    expect(pairs.filter(([, u]) => u === 'ann')).toHaveLength(3);
    expect(pairs.filter(([, u]) => u === 'bo')).toHaveLength(2);
  });

  it('double-codes over a larger team with distinct coders per study and loads within one', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 1, max: 9 }),
        (studies, coders, perStudy) => {
          const s = Array.from({ length: studies }, (_, i) => `s${i}`);
          const u = Array.from({ length: coders }, (_, i) => `u${i}`);
          const pairs = distributeStudies(s, u, perStudy);
          const k = Math.min(perStudy, coders);
          for (const study of s) {
            const who = pairs.filter(([x]) => x === study).map(([, y]) => y);
            expect(new Set(who).size).toBe(k);
          }
          const loads = u.map((c) => pairs.filter(([, y]) => y === c).length);
          expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});
