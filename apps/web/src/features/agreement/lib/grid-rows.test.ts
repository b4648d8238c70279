import { describe, expect, it } from 'vitest';
import type { AgreementGrid } from '@kodbok/contracts';
import { buildGrid, citation, coderMarks } from './grid-rows';

const study = (id: string, over: Partial<AgreementGrid['studies'][number]> = {}) => ({
  id,
  title: `Title of ${id}`,
  authors: [`Author${id}, A.`],
  year: 2020,
  documentIds: [`${id}-doc`],
  coders: ['a', 'b'],
  disagreements: 0,
  reconciled: null,
  ...over,
});

const grid: AgreementGrid = {
  summary: { studies: 3, withDisagreements: 1, reconciled: 1 },
  totalStudies: 3,
  offset: 0,
  nextOffset: null,
  coders: [
    { id: 'a', name: 'Astrid Svensson' },
    { id: 'b', name: 'Bo Larsen' },
  ],
  codes: [
    { codeId: 'stigma', parentId: null, name: 'Stigma' },
    { codeId: 'role', parentId: null, name: 'Role clarity' },
    { codeId: 'pay', parentId: null, name: 'Pay' },
  ],
  studies: [
    study('s1', { disagreements: 1 }),
    study('s2', { reconciled: { by: 'Olivia', at: '2026-11-28T10:00:00Z' } }),
    study('s3'),
  ],
  cells: [
    { studyId: 's1', codeId: 'stigma', appliedBy: ['a'], agree: false },
    { studyId: 's1', codeId: 'role', appliedBy: ['a', 'b'], agree: true },
    { studyId: 's2', codeId: 'role', appliedBy: ['a', 'b'], agree: true },
  ],
};

describe('buildGrid', () => {
  it('gives every study of the page a row, its cells by code: agree, only some (and who), or none', () => {
    const view = buildGrid(grid, false);
    expect(view.rows.map((r) => [r.study.id, r.label])).toEqual([
      ['s1', 'Authors1 2020'],
      ['s2', 'Authors2 2020'],
      ['s3', 'Authors3 2020'],
    ]);
    const s1 = view.rows[0]!;
    expect(s1.cells.get('stigma')).toEqual({ kind: 'some', appliedBy: ['a'] });
    expect(s1.cells.get('role')?.kind).toBe('agree');
    expect(s1.cells.get('pay')).toBeUndefined();
    expect(view.rows[2]!.cells.size).toBe(0);
    expect(view.codes.map((c) => c.codeId)).toEqual(['stigma', 'role', 'pay']);
  });

  it('keeps only the codes coders differ on, when asked', () => {
    expect(buildGrid(grid, true).codes.map((c) => c.codeId)).toEqual(['stigma']);
  });

  it('has no rows and no columns for an empty page of disputed codes', () => {
    const view = buildGrid({ ...grid, studies: [], cells: [] }, true);
    expect(view).toEqual({ rows: [], codes: [] });
  });
});

describe('citation', () => {
  it('names a study by first author and year, else by its title', () => {
    expect(citation({ authors: ['Grim, Katarina'], year: 2022, title: 'x' })).toBe('Grim 2022');
    expect(citation({ authors: [], year: null, title: 'Peer support in Tromsø' })).toBe(
      'Peer support in Tromsø',
    );
  });
});

describe('coderMarks', () => {
  it('marks coders by initials', () => {
    const marks = coderMarks([
      { id: 'a', name: 'Astrid Svensson' },
      { id: 'b', name: 'Bo Larsen' },
      { id: 'consensus', name: 'Consensus' },
      { id: 'demo', name: 'Jonas Berg (demo coder)' },
    ]);
    expect([...marks.values()]).toEqual(['AS', 'BL', 'C', 'JB']);
  });

  it('keeps marks unique when coders share initials, including non-ASCII names', () => {
    const marks = coderMarks([
      { id: '1', name: 'Åsa Lind' },
      { id: '2', name: 'Åke Lund' },
      { id: '3', name: 'Åsa Lie' },
    ]);
    expect([...marks.values()]).toEqual(['ÅSL', 'ÅKL', 'ÅSAL']);
  });
});
