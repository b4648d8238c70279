import { describe, expect, it } from 'vitest';
import { authorSurname, citeStudies, disambiguationLetter, placeCodes } from '../src/index';

const study = (id: string, authors: string[], year: number | null, title = `Title ${id}`) => ({
  id,
  authors,
  year,
  title,
});

describe('authorSurname', () => {
  it('reads RIS, natural and Vancouver order', () => {
    expect(authorSurname('Grim, Katarina')).toBe('Grim');
    expect(authorSurname('Katarina Grim')).toBe('Grim');
    expect(authorSurname('Grim K')).toBe('Grim');
    expect(authorSurname('Åkerblom KB')).toBe('Åkerblom');
    expect(authorSurname('  Ødegård, Øystein ')).toBe('Ødegård');
  });
});

describe('citeStudies', () => {
  it('keys a study by first author and year, and cites one, two or more authors', () => {
    const keys = citeStudies([
      study('a', ['Grim, K.'], 2022),
      study('b', ['Wall, A.', 'Åkerblom, B.'], 2023),
      study('c', ['Gillard, S.', 'Edwards, C.', 'Gibson, S.'], 2015),
    ]);
    expect(keys.get('a')).toEqual({ key: 'Grim 2022', citation: 'Grim 2022' });
    expect(keys.get('b')).toEqual({ key: 'Wall 2023', citation: 'Wall & Åkerblom 2023' });
    expect(keys.get('c')).toEqual({ key: 'Gillard 2015', citation: 'Gillard et al. 2015' });
  });

  it('tells studies that share a key apart with a, b in title order, stable across calls', () => {
    const studies = [
      study('x2', ['Grim, K.', 'Bergmark, M.'], 2022, 'Managing peer support'),
      study('x1', ['Grim, K.'], 2022, 'Being a peer worker'),
      study('x3', ['Grim, L.'], 2021, 'Other year'),
    ];
    const keys = citeStudies(studies);
    expect(keys.get('x1')).toEqual({ key: 'Grim 2022a', citation: 'Grim 2022a' });
    expect(keys.get('x2')).toEqual({ key: 'Grim 2022b', citation: 'Grim & Bergmark 2022b' });
    expect(keys.get('x3')!.key).toBe('Grim 2021');
    expect(citeStudies([...studies].reverse())).toEqual(keys);
  });

  it('falls back to the title without authors and to n.d. without a year', () => {
    const keys = citeStudies([
      study('t', [], 2020, 'Peer support in Tromsø: a very long title that goes on and on'),
      study('n1', ['Lee, J.'], null, 'B'),
      study('n2', ['Lee, K.'], null, 'A'),
    ]);
    expect(keys.get('t')!.key).toBe('Peer support in Tromsø: a very long tit… 2020');
    expect(keys.get('n2')!.key).toBe('Lee n.d.-a');
    expect(keys.get('n1')!.citation).toBe('Lee n.d.-b');
  });

  it('numbers past z as aa, ab, …', () => {
    expect([0, 25, 26, 27, 701, 702].map(disambiguationLetter)).toEqual([
      'a',
      'z',
      'aa',
      'ab',
      'zz',
      'aaa',
    ]);
  });
});

describe('placeCodes', () => {
  it('gives each code its path from the theme, in tree order', () => {
    const codes = [
      { id: 'c', parentId: 't', name: 'Role clarity', position: 1 },
      { id: 't', parentId: null, name: 'Role and identity', position: 0 },
      { id: 's', parentId: 'c', name: 'Tasks', position: 0 },
      { id: 'b', parentId: 't', name: 'Belonging', position: 0 },
    ];
    expect(placeCodes(codes).map((c) => [c.path, c.themeName, c.depth])).toEqual([
      ['Role and identity', 'Role and identity', 0],
      ['Role and identity › Belonging', 'Role and identity', 1],
      ['Role and identity › Role clarity', 'Role and identity', 1],
      ['Role and identity › Role clarity › Tasks', 'Role and identity', 2],
    ]);
  });
});
