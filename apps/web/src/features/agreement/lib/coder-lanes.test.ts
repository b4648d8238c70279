import { describe, expect, it } from 'vitest';
import {
  codingOf,
  contextWindow,
  coverage,
  documentRuns,
  excerpt,
  laneRuns,
  type CodedSpan,
} from './coder-lanes';

const h = (coderId: string, start: number, end: number, codeIds = ['stigma']): CodedSpan => ({
  coderId,
  start,
  end,
  codeIds,
});

describe('codingOf', () => {
  it("unites one coder's highlights of one code into disjoint sorted spans", () => {
    const hs = [
      h('a', 10, 20),
      h('a', 0, 5),
      h('a', 15, 30),
      h('b', 0, 50),
      h('a', 40, 45, ['role']),
    ];
    expect(codingOf(hs, 'a', 'stigma')).toEqual([
      { start: 0, end: 5 },
      { start: 10, end: 30 },
    ]);
    expect(codingOf(hs, 'c', 'stigma')).toEqual([]);
  });
});

describe('coverage', () => {
  it('tells all, part or none of a region', () => {
    const spans = [
      { start: 0, end: 5 },
      { start: 10, end: 30 },
    ];
    expect(coverage(spans, { start: 12, end: 20 })).toBe('all');
    expect(coverage(spans, { start: 3, end: 12 })).toBe('part');
    expect(coverage(spans, { start: 5, end: 10 })).toBe('none');
  });
});

describe('contextWindow', () => {
  const text = 'Peer workers felt stigma from staff and that supervision was rare.';
  const region = { start: text.indexOf('stigma'), end: text.indexOf('stigma') + 6 };

  it('keeps the whole region and cuts the context at word boundaries', () => {
    const w = contextWindow(text, region, 8);
    const shown = text.slice(w.start, w.end);
    expect(shown).toContain('stigma');
    expect(shown).toBe('felt stigma from');
  });

  it('reaches the ends of a short text', () => {
    expect(contextWindow(text, region, 500)).toEqual({ start: 0, end: text.length });
  });

  it('never splits an emoji', () => {
    const text = 'ab😀x😀';
    // One character of context before "x" would start inside the first emoji, after: the second.
    expect(contextWindow(text, { start: 4, end: 5 }, 1)).toEqual({ start: 2, end: 7 });
  });
});

describe('laneRuns', () => {
  it("cuts the window into coded and uncoded runs that join back into the window's text", () => {
    const text = 'Åsa said: peers help, peers listen.';
    const runs = laneRuns(text, { start: 5, end: 30 }, [
      { start: 0, end: 8 },
      { start: 10, end: 15 },
    ]);
    expect(runs.map((r) => r.text).join('')).toBe(text.slice(5, 30));
    expect(runs.filter((r) => r.coded).map((r) => r.text)).toEqual(['aid', 'peers']);
  });

  it('is one uncoded run for a lane that coded nothing', () => {
    expect(laneRuns('abcdef', { start: 1, end: 4 }, [])).toEqual([
      { start: 1, end: 4, text: 'bcd', coded: false },
    ]);
  });
});

describe('documentRuns', () => {
  it('marks the disagreement regions and, per lane, its coding over the whole text', () => {
    const text = 'one two three four';
    const runs = documentRuns(
      text,
      [{ start: 4, end: 13 }],
      [[{ start: 4, end: 13 }], [{ start: 8, end: 13 }], []],
    );
    expect(runs.map((r) => r.text).join('')).toBe(text);
    expect(runs.map((r) => [r.text, r.regions, r.lanes])).toEqual([
      ['one ', [], [false, false, false]],
      ['two ', [0], [true, false, false]],
      ['three', [0], [true, true, false]],
      [' four', [], [false, false, false]],
    ]);
  });

  it('has no runs for an empty text', () => {
    expect(documentRuns('', [], [[]])).toEqual([]);
  });
});

describe('excerpt', () => {
  it('collapses whitespace and cuts long quotes with an ellipsis, never inside an emoji', () => {
    expect(excerpt('a\n\n  b', { start: 0, end: 6 })).toBe('a b');
    const text = `${'x'.repeat(8)}😀tail`;
    expect(excerpt(text, { start: 0, end: text.length }, 10)).toBe('xxxxxxxx…');
  });
});
