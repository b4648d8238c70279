import { describe, expect, it } from 'vitest';
import type { Code, Highlight } from '@kodbok/contracts';
import { buildRuns, highlightsAt } from './runs';

const code = (id: string, name: string): Code => ({
  id,
  projectId: 'p',
  parentId: null,
  name,
  color: '#4E79A7',
  description: '',
  keywords: [],
  position: 0,
  highlightCount: 0,
});
const highlight = (id: string, start: number, end: number, codeIds: string[]): Highlight => ({
  id,
  documentId: 'd',
  coderId: 'u',
  coderName: 'U',
  start,
  end,
  quote: '',
  prefix: '',
  suffix: '',
  codeIds,
  memo: null,
  createdAt: '',
  updatedAt: '',
});
const codes = new Map([
  ['a', code('a', 'Stigma')],
  ['b', code('b', 'Role clarity')],
]);

describe('buildRuns', () => {
  it('cuts overlapping highlights into runs whose texts give back the span, with a badge where two codes start', () => {
    const text = 'Åsa 👩🏽‍⚕️ said peers help';
    const hs = [highlight('h1', 0, 10, ['a']), highlight('h2', 4, 15, ['b'])];
    const runs = buildRuns(text, { start: 0, end: text.length }, hs, codes);
    expect(runs.map((r) => r.text).join('')).toBe(text);
    const both = runs.find((r) => r.highlightIds === 'h1 h2')!;
    expect(both.start).toBe(4);
    expect(both.badge).toBe(2);
    expect(both.title).toBe('Stigma, Role clarity');
    expect(runs.find((r) => r.highlightIds === '')?.tint).toBeUndefined();
  });
});

describe('buildRuns tooltips', () => {
  it('name the memo of each highlight with one, cut at 200 characters', () => {
    const text = 'peers help each other';
    const long = 'x'.repeat(250);
    const hs = [
      { ...highlight('h1', 0, 10, ['a']), memo: 'Echoes the managers’ view' },
      { ...highlight('h2', 6, 15, ['b']), memo: long },
    ];
    const runs = buildRuns(text, { start: 0, end: text.length }, hs, codes);
    expect(runs.find((r) => r.highlightIds === 'h1')?.title).toBe(
      'Stigma\nMemo: Echoes the managers’ view',
    );
    expect(runs.find((r) => r.highlightIds === 'h1 h2')?.title).toBe(
      `Stigma, Role clarity\nMemo: Echoes the managers’ view\nMemo: ${'x'.repeat(200)}…`,
    );
    expect(runs.find((r) => r.highlightIds === '')?.title).toBeUndefined();
  });
});

describe('highlightsAt', () => {
  it('puts the innermost highlight first, and excludes one that ends at the offset', () => {
    const hs = [highlight('outer', 0, 20, ['a']), highlight('inner', 5, 8, ['b'])];
    expect(highlightsAt(hs, 6).map((h) => h.id)).toEqual(['inner', 'outer']);
    expect(highlightsAt(hs, 8).map((h) => h.id)).toEqual(['outer']);
  });
});
