import { describe, expect, it } from 'vitest';
import { readCodebookFile } from '../src/refi/codebook-file';
import { mergeCodebook } from '../src/refi/codebook-merge';
import { writeCodebook } from '../src/refi/codebook-write';
import type { CodeTreeNode } from '../src/refi/plan-codes';

const read = (text: string, name = 'book') =>
  readCodebookFile(new TextEncoder().encode(text), name);
const shape = (nodes: CodeTreeNode[]): unknown[] =>
  nodes.map((n) => (n.children.length ? { [n.name]: shape(n.children) } : n.name));

describe('readCodebookFile', () => {
  it('reads a .qdc in the namespaces tools have written, noting a variant and an empty <Sets/>', () => {
    for (const ns of [
      'urn:QDA-XML:codebook:1.0',
      'urn:QDA-XML:codebook:0:4',
      'urn:QDA-XML:codebook:1:0',
    ]) {
      const book = read(
        `<CodeBook xmlns="${ns}"><Codes><Code guid="{AB000000-0000-4000-8000-000000000000}" name="T" isCodable="false" color="#abc"><Description>d</Description><Code guid="ab000000-0000-4000-8000-000000000001" name="C" isCodable="true"/></Code></Codes><Sets/></CodeBook>`,
      );
      expect(book.format).toBe('qdc');
      expect(shape(book.roots)).toEqual([{ T: ['C'] }]);
      expect(book.roots[0]).toMatchObject({
        ref: 'ab000000-0000-4000-8000-000000000000',
        color: '#abc',
        description: 'd',
        codable: false,
      });
      expect(book.notices.map((n) => n.what)).toEqual([
        ...(ns.endsWith('1.0') ? [] : [`Namespace ${ns}`]),
        'An empty <Sets/>',
      ]);
    }
  });

  it('reads Kodbok’s codebook.csv (id and parent_id), keywords and all', () => {
    const csv =
      '\uFEFFid,parent_id,path,theme,name,level,description,color,keywords\r\nb,,Rollen,Rollen,Rollen,1,,#4E79A7,\r\nc,b,Rollen › Klarhet,Rollen,Klarhet,2,"Om ""klarhet""",#F28E2B,a; b\r\n';
    const book = read(csv);
    expect(shape(book.roots)).toEqual([{ Rollen: ['Klarhet'] }]);
    expect(book.roots[0]!.children[0]).toMatchObject({
      description: 'Om "klarhet"',
      color: '#F28E2B',
      keywords: ['a', 'b'],
    });
  });

  it('reads a CSV with a parent column, and puts a code whose parent is missing or below it at the top', () => {
    const book = read('name,parent\nA,\nB,A\nC,Nowhere\nD,E\nE,D\n');
    expect(shape(book.roots)).toEqual([{ A: ['B'] }, 'C', { E: ['D'] }]);
    expect(book.notices.map((n) => n.why)).toEqual([
      'its parent "Nowhere" is not in the file: put at the top level',
      'its parent "D" is below it: put at the top level',
    ]);
  });

  it('reads Kodbok’s codebook.json and a bare array', () => {
    expect(
      shape(read('{"project":"x","codes":[{"name":"A","children":[{"name":"B"}]}]}').roots),
    ).toEqual([{ A: ['B'] }]);
    expect(shape(read('[{"name":"A"},{"name":"B","definition":"d"}]').roots)).toEqual(['A', 'B']);
  });

  it('names the problem in a file it cannot read', () => {
    expect(() => read('{"codes": [{"nom": "x"}]}', 'b.json')).toThrow(
      'b.json: code 1 has no "name"',
    );
    expect(() => read('title,year\nx,1\n', 'b.csv')).toThrow(
      'b.csv: no "name" (or "path") column in the header (title, year)',
    );
    expect(() => read('<CodeBook><Codes/></CodeBook>', 'b.qdc')).toThrow(
      'b.qdc: the root element is CodeBook without a namespace, expected CodeBook in namespace urn:QDA-XML:codebook:1.0',
    );
  });
});

describe('mergeCodebook', () => {
  const existing = [
    { id: 'r', parentId: null, name: 'Rollen', position: 0 },
    { id: 'k', parentId: 'r', name: 'Klarhet', position: 0 },
    { id: 's', parentId: null, name: 'Stöd', position: 1 },
  ];
  it('matches by name under the same parent (case and spacing aside) and adds the rest after the existing codes', () => {
    const book = read('path\nROLLEN\nrollen › klarhet\nRollen › Gränser\nStöd › Klarhet\nNytt\n');
    const merged = mergeCodebook(existing, book.roots);
    expect(merged.matched).toEqual([
      { path: 'ROLLEN', codeId: 'r' },
      { path: 'ROLLEN › klarhet', codeId: 'k' },
      { path: 'Stöd', codeId: 's' },
    ]);
    expect(merged.added.map((a) => [a.path, a.parentId, a.position])).toEqual([
      ['ROLLEN › Gränser', 'r', 1],
      ['Stöd › Klarhet', 's', 0],
      ['Nytt', null, 2],
    ]);
  });

  it('puts the children of a new code under it', () => {
    const merged = mergeCodebook(existing, read('path\nNy\nNy › Under\n').roots);
    expect(merged.added.map((a) => [a.name, a.parentId, a.parentKey])).toEqual([
      ['Ny', null, null],
      ['Under', null, merged.added[0]!.key],
    ]);
  });
});

describe('writeCodebook', () => {
  it('writes nested codes that read back the same', () => {
    const xml = writeCodebook(
      [
        {
          id: 'b',
          parentId: 'a',
          name: 'Barn & "citat"',
          color: '#F28E2B',
          description: '',
          position: 0,
        },
        {
          id: 'a',
          parentId: null,
          name: 'Tema 😀',
          color: '#4E79A7',
          description: 'Rad ett\nrad två',
          position: 0,
        },
      ],
      'Kodbok',
    );
    const book = read(xml);
    expect(shape(book.roots)).toEqual([{ 'Tema 😀': ['Barn & "citat"'] }]);
    expect(book.roots[0]).toMatchObject({ color: '#4E79A7', description: 'Rad ett\nrad två' });
    expect(book.notices).toEqual([]);
  });
});
