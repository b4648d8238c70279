import { describe, expect, it } from 'vitest';
import { distributeStudies } from '@kodbok/core';
import { codersPerStudy, previewSentence, splitPreview } from './split-preview';

describe('splitPreview', () => {
  it('gives every coder every study with "each study to all of them"', () => {
    const p = splitPreview(10, 2, { kind: 'all' });
    expect(p).toMatchObject({ perStudy: 2, total: 20, perCoder: [10, 10], problem: null });
    expect(previewSentence(p)).toBe(
      'Each coder gets 10 studies; each study is coded by 2 coders (20 assignments).',
    );
  });

  it('splits evenly: the load differs by one study at most', () => {
    const p = splitPreview(10, 3, { kind: 'split' });
    expect(p.perCoder).toEqual([4, 3, 3]);
    expect(p.perCoder.reduce((a, b) => a + b)).toBe(10);
    expect(previewSentence(p)).toBe(
      'Each coder gets 3 or 4 studies; each study is coded by one coder (10 assignments).',
    );
  });

  it('double codes over a larger team, rotating the pairs', () => {
    const p = splitPreview(7, 4, { kind: 'perStudy', n: 2 });
    expect(p.total).toBe(14);
    expect(p.perCoder).toEqual([4, 4, 3, 3]);
    expect([p.min, p.max]).toEqual([3, 4]);
  });

  it('says what is missing or impossible instead of previewing it', () => {
    expect(splitPreview(0, 2, { kind: 'all' }).problem).toMatch(/studies/);
    expect(splitPreview(5, 0, { kind: 'all' }).problem).toMatch(/coder/);
    expect(splitPreview(5, 2, { kind: 'perStudy', n: 3 }).problem).toBe(
      'Each study can go to at most 2 coders: the ones chosen.',
    );
    expect(splitPreview(5, 2, { kind: 'perStudy', n: 0 }).problem).toMatch(/at least one/);
    expect(splitPreview(5, 2, { kind: 'perStudy', n: Number.NaN }).problem).toMatch(/at least one/);
  });

  it('speaks of one study in the singular', () => {
    expect(previewSentence(splitPreview(1, 1, { kind: 'all' }))).toBe(
      'Each coder gets 1 study; each study is coded by one coder (1 assignment).',
    );
  });
});

describe('codersPerStudy', () => {
  it('asks the server for one coder per study when splitting, and leaves it out for all of them', () => {
    expect(codersPerStudy({ kind: 'all' })).toBeUndefined();
    expect(codersPerStudy({ kind: 'split' })).toBe(1);
    expect(codersPerStudy({ kind: 'perStudy', n: 2 })).toBe(2);
  });
});

describe('splitPreview against the server’s distribution', () => {
  it('predicts exactly how many studies each coder gets from distributeStudies()', () => {
    for (let studies = 1; studies <= 12; studies++) {
      for (let coders = 1; coders <= 5; coders++) {
        for (let n = 1; n <= coders; n++) {
          const users = Array.from({ length: coders }, (_, i) => `u${i}`);
          const pairs = distributeStudies(
            Array.from({ length: studies }, (_, i) => `s${i}`),
            users,
            n,
          );
          const counts = users.map((u) => pairs.filter(([, user]) => user === u).length);
          expect(splitPreview(studies, coders, { kind: 'perStudy', n }).perCoder).toEqual(counts);
        }
      }
    }
  });
});
