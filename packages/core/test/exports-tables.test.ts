import { describe, expect, it } from 'vitest';
import {
  codebookRows,
  codebookTree,
  contentDisposition,
  exportFileName,
  matrixRows,
  presenceHeader,
  presenceRows,
} from '../src/index';

describe('matrixRows', () => {
  const m = {
    studies: [{ key: 'Grim 2022' }, { key: 'Wall 2023' }],
    codes: [
      { path: 'Theme', depth: 0 },
      { path: 'Theme › Code', depth: 1 },
    ],
    counts: Int32Array.from([3, 0, 1, 0]),
  };
  it('writes counts, or ticks for studies where a code occurs', () => {
    expect(matrixRows(m, 'counts')).toEqual([
      ['code', 'Grim 2022', 'Wall 2023'],
      ['Theme', 3, 0],
      ['Theme › Code', 1, 0],
    ]);
    expect(matrixRows(m, 'ticks')[1]).toEqual(['Theme', '✓', '']);
  });
});

describe('presence', () => {
  it('names attribute columns, renaming one that clashes with a fixed column', () => {
    expect(presenceHeader(['country', 'year'])).toEqual([
      'study',
      'study_id',
      'title',
      'year',
      'country',
      'year (attribute)',
      'code_id',
      'code',
      'theme',
      'level',
      'present',
      'highlights',
    ]);
  });

  it('gives every code a row per study with 0/1 presence and the count', () => {
    const rows = presenceRows(
      {
        id: 's1',
        key: 'Grim 2022',
        title: 'T',
        year: 2022,
        attributes: new Map([['country', 'Sverige']]),
      },
      ['country', 'design'],
      [
        { id: 't', path: 'Theme', themeName: 'Theme', depth: 0 },
        { id: 'c', path: 'Theme › Code', themeName: 'Theme', depth: 1 },
      ],
      new Map([['t', 2]]),
    );
    expect(rows).toEqual([
      ['Grim 2022', 's1', 'T', 2022, 'Sverige', null, 't', 'Theme', 'Theme', 1, 1, 2],
      ['Grim 2022', 's1', 'T', 2022, 'Sverige', null, 'c', 'Theme › Code', 'Theme', 2, 0, 0],
    ]);
  });
});

describe('codebook', () => {
  const codes = [
    {
      id: 'c',
      parentId: 't',
      name: 'Stigma',
      position: 0,
      description: 'Felt or enacted',
      color: '#e15759',
      keywords: ['shame', 'stigma'],
    },
    {
      id: 't',
      parentId: null,
      name: 'Organisational culture',
      position: 0,
      description: '',
      color: '#4e79a7',
      keywords: [],
    },
  ];
  it('lists codes in tree order with path, level and keywords', () => {
    expect(codebookRows(codes)).toEqual([
      ['id', 'parent_id', 'path', 'theme', 'name', 'level', 'description', 'color', 'keywords'],
      [
        't',
        null,
        'Organisational culture',
        'Organisational culture',
        'Organisational culture',
        1,
        '',
        '#4e79a7',
        '',
      ],
      [
        'c',
        't',
        'Organisational culture › Stigma',
        'Organisational culture',
        'Stigma',
        2,
        'Felt or enacted',
        '#e15759',
        'shame; stigma',
      ],
    ]);
  });
  it('nests codes under their themes', () => {
    expect(codebookTree(codes)).toEqual([
      {
        id: 't',
        name: 'Organisational culture',
        description: '',
        color: '#4e79a7',
        keywords: [],
        children: [
          {
            id: 'c',
            name: 'Stigma',
            description: 'Felt or enacted',
            color: '#e15759',
            keywords: ['shame', 'stigma'],
            children: [],
          },
        ],
      },
    ]);
  });
});

describe('export file names', () => {
  const day = new Date('2026-11-29T23:30:00Z');
  it('names the project and the day, in ASCII and in UTF-8', () => {
    const name = exportFileName('Stöd på jobbet: Tromsø/Ørsta 👩🏽‍⚕️', 'excerpts', 'csv', day);
    expect(name).toEqual({
      ascii: 'Stod-pa-jobbet-Tromso-Orsta-excerpts-2026-11-29.csv',
      unicode: 'Stöd på jobbet Tromsø Ørsta 👩🏽‍⚕️ excerpts-2026-11-29.csv',
    });
    expect(contentDisposition(name)).toBe(
      `attachment; filename="Stod-pa-jobbet-Tromso-Orsta-excerpts-2026-11-29.csv"; filename*=UTF-8''${encodeURIComponent(name.unicode)}`,
    );
  });
  it('never lets a quote, CR/LF or a path into the header', () => {
    const name = exportFileName('"\r\nX-Evil: 1 ../..', 'memos', 'md', day);
    expect(name.ascii).toBe('X-Evil-1-memos-2026-11-29.md');
    expect(contentDisposition(name)).not.toMatch(/[\r\n]|filename\*=UTF-8''[^;]*['"]/);
    expect(exportFileName('漢字', 'codebook', 'json', day).ascii).toBe(
      'project-codebook-2026-11-29.json',
    );
  });
});
