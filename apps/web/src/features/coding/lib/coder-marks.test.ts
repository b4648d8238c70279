import { describe, expect, it } from 'vitest';
import type { Code, Highlight } from '@kodbok/contracts';
import { coderLanes, coderLegend, coderMarks, initialsOf, stripeBackground } from './coder-marks';
import { buildRuns } from './runs';
import { EVERYONE } from './coder-choice';

const highlight = (
  id: string,
  coderId: string,
  coderName: string,
  start: number,
  end: number,
  codeIds = ['a'],
): Highlight => ({
  id,
  documentId: 'd',
  coderId,
  coderName,
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
const members = [
  { id: 'astrid', name: 'Astrid Svensson' },
  { id: 'anders', name: 'Anders Sjöberg' },
  { id: 'bo', name: 'Bo' },
  { id: 'consensus', name: 'Consensus' },
];

describe('initialsOf', () => {
  it('takes the first letters of the first and last names, keeping non-ASCII letters whole', () => {
    expect(initialsOf('Astrid Maria Svensson')).toBe('AS');
    expect(initialsOf('Åsa Öberg')).toBe('ÅÖ');
    expect(initialsOf('  bo ')).toBe('Bo');
    expect(initialsOf('𝒜lice Smith')).toBe('𝒜S');
    expect(initialsOf('')).toBe('?');
    expect(initialsOf('Astrid Lind (demo coder)')).toBe('AL');
  });
});

describe('coderMarks', () => {
  it('gives every coder a distinct mark: initials made unique, the consensus a tick, patterns in turn', () => {
    const marks = coderMarks(members, 'consensus');
    expect(marks.map((m) => m.initials)).toEqual(['AS', 'AS2', 'Bo', '✓']);
    expect(new Set(marks.map((m) => m.pattern)).size).toBe(4);
  });
});

describe('coderLegend', () => {
  const highlights = [
    highlight('h1', 'bo', 'Bo', 0, 5),
    highlight('h2', 'astrid', 'Astrid Svensson', 2, 8),
    highlight('h3', 'astrid', 'Astrid Svensson', 10, 12),
    highlight('h4', 'former', 'Frida Former', 10, 12),
  ];

  it('has nothing to tell apart when one coder is shown', () => {
    expect(
      coderLegend({ kind: 'coders', ids: ['bo'] }, members, highlights, 'consensus'),
    ).toBeNull();
  });

  it('with everyone, lists the coders of this document in member order with their counts', () => {
    const model = coderLegend(EVERYONE, members, highlights, 'consensus')!;
    expect(model.legend.map((e) => [e.name, e.initials, e.highlights])).toEqual([
      ['Astrid Svensson', 'AS', 2],
      ['Bo', 'Bo', 1],
      // Not a member any more: known by the name on the highlight.
      ['Frida Former', 'FF', 1],
    ]);
  });

  it('keeps a coder’s mark the same whichever coders are chosen', () => {
    const all = coderLegend(EVERYONE, members, highlights, 'consensus')!;
    const some = coderLegend(
      { kind: 'coders', ids: ['bo', 'consensus'] },
      members,
      [],
      'consensus',
    )!;
    expect(some.legend.map((e) => e.initials)).toEqual(['Bo', '✓']);
    expect(some.marks.get('bo')).toEqual(all.marks.get('bo'));
    // Chosen but without coding here: still in the legend, with 0.
    expect(some.legend.map((e) => e.highlights)).toEqual([0, 0]);
  });
});

describe('coderLanes', () => {
  it('puts each coder’s stripes in a band of their own, in mark order', () => {
    const marks = coderLegend(
      { kind: 'coders', ids: ['astrid', 'bo'] },
      members,
      [],
      'consensus',
    )!.marks;
    const bars = [
      { id: 'b1', start: 0, end: 10, coderId: 'bo' },
      { id: 'a1', start: 0, end: 5, coderId: 'astrid' },
      { id: 'a2', start: 3, end: 8, coderId: 'astrid' },
      { id: 'a3', start: 20, end: 30, coderId: 'astrid' },
    ];
    const lanes = coderLanes(bars, marks);
    // Astrid (first member) takes lanes 0–1; Bo's stripe is beyond them even where Astrid has none.
    expect([lanes.get('a1'), lanes.get('a2'), lanes.get('a3')]).toEqual([0, 1, 0]);
    expect(lanes.get('b1')).toBe(2);
    // Unmarked, lanes are shared by everyone.
    expect(coderLanes(bars, null).get('b1')).toBe(0);
  });
});

describe('stripeBackground', () => {
  it('draws only the first coder solid; the others in a pattern of the code’s colour', () => {
    expect(stripeBackground('#4E79A7', 'solid')).toBe('#4E79A7');
    expect(stripeBackground('#4E79A7', 'dashed')).toMatch(/repeating-linear-gradient\(#4E79A7/);
    expect(stripeBackground('#4E79A7', 'dotted')).not.toBe(stripeBackground('#4E79A7', 'dashed'));
  });
});

describe('buildRuns with coder marks', () => {
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
  const codes = new Map([
    ['a', code('a', 'Stigma')],
    ['b', code('b', 'Role clarity')],
  ]);
  const text = 'Peer workers felt stigma from staff.';
  const hs = [
    highlight('h1', 'astrid', 'Astrid Svensson', 5, 24, ['a']),
    highlight('h2', 'bo', 'Bo', 5, 12, ['a', 'b']),
    highlight('h3', 'bo', 'Bo', 18, 30, ['b']),
  ];
  const marks = coderLegend(EVERYONE, members, hs, 'consensus')!.marks;

  it('marks where each coder’s highlights start, and names the coder in the tooltip', () => {
    const runs = buildRuns(text, { start: 0, end: text.length }, hs, codes, marks);
    const at = (start: number) => runs.find((r) => r.start === start)!;
    expect(at(5).coderMarks).toBe('AS Bo');
    expect(at(5).title).toBe('Stigma — Astrid Svensson (AS); Stigma, Role clarity — Bo (Bo)');
    expect(at(12).coderMarks).toBeUndefined();
    expect(at(18).coderMarks).toBe('Bo');
    expect(runs.map((r) => r.text).join('')).toBe(text);
  });

  it('adds no marks with one coder shown', () => {
    const runs = buildRuns(text, { start: 0, end: text.length }, hs, codes, null);
    expect(runs.every((r) => r.coderMarks === undefined)).toBe(true);
    expect(runs.find((r) => r.start === 5)!.title).toBe('Stigma, Role clarity');
  });
});
