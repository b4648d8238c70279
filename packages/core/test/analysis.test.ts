import { describe, expect, it } from 'vitest';
import {
  ancestorIds,
  ftsQuery,
  heatLevel,
  spellingsOf,
  matchRanges,
  parseIdList,
  shareOf,
  snippetAround,
  splitByRanges,
  sortRows,
  nextSort,
  toCsv,
} from '../src/index';

describe('parseIdList', () => {
  it('trims, drops blanks and repeats', () => {
    expect(parseIdList(' a, b,,a ,')).toEqual(['a', 'b']);
  });
});

describe('shareOf', () => {
  it('is a fraction in [0, 1], null when there is nothing to share', () => {
    expect(shareOf(1, 4)).toBe(0.25);
    expect(shareOf(0, 0)).toBeNull();
    expect(shareOf(5, 4)).toBe(1);
  });
});

describe('ftsQuery', () => {
  it('quotes every word as a prefix, so FTS5 operators are searched for, not run', () => {
    expect(ftsQuery('peer NEAR "data*"')).toBe('"peer"* AND "near"* AND "data"*');
    expect(ftsQuery('Ärlig 👩🏽‍⚕️')).toBe('"arlig"*');
    expect(ftsQuery('"*" -- ()')).toBeNull();
  });

  it('asks for ø, æ, œ and ß however the word was typed, since the index keeps those letters', () => {
    const either = '("tromso"* OR "tromsø"* OR "trømso"* OR "trømsø"*)';
    expect(ftsQuery('Tromsø')).toBe(either);
    expect(ftsQuery('TROMSO')).toBe(either);
    expect(ftsQuery('Straße')).toBe('("strasse"* OR "straße"*)');
    expect(ftsQuery('Færøyene')).toContain('"færøyene"*');
  });
});

describe('spellingsOf', () => {
  it('gives every spelling that folds to the word, the plain one first', () => {
    expect(spellingsOf('vaer')).toEqual(['vaer', 'vær']);
    expect(spellingsOf('peer')).toEqual(['peer']);
  });

  it('stops at 16 spellings for a word with many candidates', () => {
    const many = spellingsOf('oooooooo');
    expect(many).toHaveLength(16);
    expect(many[0]).toBe('oooooooo');
    expect(new Set(many).size).toBe(16);
  });
});

describe('matchRanges', () => {
  it('finds word prefixes case- and accent-insensitively, as UTF-16 ranges of the original', () => {
    const text = 'Åkerblom i Tromsø: “Vi är inte” 👩🏽‍⚕️ ÅKERBLOM';
    expect(matchRanges(text, 'akerb')).toEqual([
      { start: 0, end: 5 },
      { start: text.lastIndexOf('ÅKERBLOM'), end: text.lastIndexOf('ÅKERBLOM') + 5 },
    ]);
    expect(matchRanges(text, 'ar')).toEqual([{ start: 23, end: 25 }]);
  });

  it('marks ø, æ and ß typed or spelled out, over the whole letter', () => {
    const text = 'Tromsø, Tromso, Færøyene, Straße';
    expect(matchRanges(text, 'tromsø')).toEqual([
      { start: 0, end: 6 },
      { start: 8, end: 14 },
    ]);
    expect(matchRanges(text, 'faer')).toEqual([{ start: 16, end: 19 }]);
    expect(matchRanges(text, 'strasse')).toEqual([{ start: 26, end: 32 }]);
  });

  it('does not match inside a word, and merges overlapping matches', () => {
    expect(matchRanges('support supporter', 'port')).toEqual([]);
    expect(matchRanges('supporter', 'sup support')).toEqual([{ start: 0, end: 7 }]);
  });

  it('handles decomposed input and characters outside the BMP', () => {
    const text = 'A\u0301lvaro 𝒜bc alvaro';
    expect(matchRanges(text, 'alvaro')).toEqual([
      { start: 0, end: 7 },
      { start: 13, end: 19 },
    ]);
    expect(matchRanges('', 'x')).toEqual([]);
  });
});

describe('splitByRanges', () => {
  it('cuts text into marked and plain pieces that join back to the text', () => {
    const pieces = splitByRanges('peer support work', [
      { start: 5, end: 12 },
      { start: 0, end: 4 },
    ]);
    expect(pieces).toEqual([
      { text: 'peer', marked: true },
      { text: ' ', marked: false },
      { text: 'support', marked: true },
      { text: ' work', marked: false },
    ]);
    expect(
      splitByRanges('abc', [{ start: 2, end: 99 }])
        .map((p) => p.text)
        .join(''),
    ).toBe('abc');
  });
});

describe('snippetAround', () => {
  it('never splits a surrogate pair', () => {
    const text = '👩👩👩';
    const s = snippetAround(text, { start: 4, end: 6 }, 3);
    expect(s).toEqual({ start: 0, end: 6 });
  });
});

describe('heatLevel', () => {
  it('is 0 only for zero and 5 at the maximum', () => {
    expect(heatLevel(0, 10)).toBe(0);
    expect(heatLevel(1, 100)).toBe(1);
    expect(heatLevel(10, 10)).toBe(5);
    expect(heatLevel(3, 0)).toBe(0);
  });
});

describe('ancestorIds', () => {
  it('lists parents nearest first and stops at a cycle', () => {
    const codes = [
      { id: 'a', parentId: null, name: 'A', position: 0 },
      { id: 'b', parentId: 'a', name: 'B', position: 0 },
      { id: 'c', parentId: 'b', name: 'C', position: 0 },
    ];
    expect(ancestorIds(codes, 'c')).toEqual(['b', 'a']);
    expect(ancestorIds(codes, 'a')).toEqual([]);
    expect(ancestorIds(codes, null)).toEqual([]);
  });
});

describe('sortRows and nextSort', () => {
  const rows = [
    { name: 'b', n: 2 },
    { name: 'a', n: 5 },
    { name: 'c', n: 2 },
  ];
  const value = (r: (typeof rows)[number], k: 'name' | 'n') => r[k];

  it('sorts by a column and keeps the given order for ties', () => {
    expect(sortRows(rows, { key: 'n', direction: 'descending' }, value).map((r) => r.name)).toEqual(
      ['a', 'b', 'c'],
    );
    expect(sortRows(rows, { key: 'n', direction: 'ascending' }, value).map((r) => r.name)).toEqual([
      'b',
      'c',
      'a',
    ]);
    expect(sortRows(rows, { key: null, direction: 'ascending' }, value)).toEqual(rows);
  });

  it('orders text as a reader does: numbers by value, case and accents not first', () => {
    const titles = ['Study 10', 'Study 2', 'study 1', 'Åkerblom 2023', 'Grim 2022', 'Ärlig'];
    const sorted = sortRows(
      titles.map((title) => ({ title })),
      { key: 'title', direction: 'ascending' },
      (r) => r.title,
    ).map((r) => r.title);
    expect(sorted.indexOf('study 1')).toBeLessThan(sorted.indexOf('Study 2'));
    expect(sorted.indexOf('Study 2')).toBeLessThan(sorted.indexOf('Study 10'));
    // Not by code unit, which would put every capital before every lower-case letter.
    expect(sorted.indexOf('Grim 2022')).toBeLessThan(sorted.indexOf('study 1'));
  });

  it('cycles numbers high-to-low, low-to-high, then back to the given order', () => {
    let sort = nextSort<'n'>({ key: null, direction: 'ascending' }, 'n', true);
    expect(sort).toEqual({ key: 'n', direction: 'descending' });
    sort = nextSort(sort, 'n', true);
    expect(sort).toEqual({ key: 'n', direction: 'ascending' });
    expect(nextSort(sort, 'n', true).key).toBeNull();
  });
});

describe('toCsv', () => {
  it('quotes what needs quoting and defuses spreadsheet formulas in text only', () => {
    expect(
      toCsv([
        ['code', 'n'],
        ['Role, "clarity"', 3],
        ['=HYPERLINK()', -1],
        ['Åkerblom\nTromsø', null],
      ]),
    ).toBe('code,n\r\n"Role, ""clarity""",3\r\n\'=HYPERLINK(),-1\r\n"Åkerblom\nTromsø",');
  });
});
