import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { planQdpxImport } from '../src/refi/import-project';
import {
  writeProjectArchive,
  type ExportMemo,
  type ProjectExport,
} from '../src/refi/project-write';

const U = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** A .qdpx around a project body (Users, CodeBook, … inside <Project>) and its source files. */
function qdpx(body: string, files: Record<string, string> = {}, origin = 'Some tool') {
  const xml = `<Project xmlns="urn:QDA-XML:project:1.0" name="P" origin="${origin}">${body}</Project>`;
  return zipSync({
    'project.qde': strToU8(xml),
    ...Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])),
  });
}
const codes = `<CodeBook><Codes><Code guid="${U(1)}" name="A" isCodable="true"/><Code guid="${U(2)}" name="a " isCodable="true"/></Codes></CodeBook>`;
const source = (selections: string, text = 'Hello world.') => ({
  body: `<Sources><TextSource guid="${U(10)}" name="S" plainTextPath="internal://${U(10)}.txt">${selections}</TextSource></Sources>`,
  files: { [`sources/${U(10)}.txt`]: text },
});
const sel = (start: number, end: number, inner: string, extra = '') =>
  `<PlainTextSelection guid="${U(20 + start)}" startPosition="${start}" endPosition="${end}"${extra}>${inner}</PlainTextSelection>`;
const coding = (code: number, user?: number) =>
  `<Coding guid="${U(90)}"${user ? ` creatingUser="${U(user)}"` : ''}><CodeRef targetGUID="${U(code)}"/></Coding>`;

const memo = (
  id: string,
  on: ExportMemo['on'],
  targetId: string | null,
  authorId: string,
  text: string,
): ExportMemo => ({
  id,
  on,
  targetId,
  authorId,
  text,
  createdAt: '2026-01-02T00:00:00Z',
  updatedAt: '2026-01-03T00:00:00Z',
});

const highlights = (plan: ReturnType<typeof planQdpxImport>) =>
  plan.studies.flatMap((s) =>
    s.documents.flatMap((d) =>
      d.highlights.map((h) => ({ ...h, quote: d.text.slice(h.start, h.end) })),
    ),
  );

describe('planQdpxImport', () => {
  it('renames a sibling that repeats a name, and lists it', () => {
    const plan = planQdpxImport(qdpx(codes), 'p.qdpx');
    expect(plan.codes.map((c) => c.name)).toEqual(['A', 'a (2)']);
    expect(plan.adjusted).toContainEqual({
      what: 'Code "a"',
      why: 'renamed "a (2)": Kodbok needs sibling codes to have different names',
    });
  });

  it('makes one highlight per selection and coder, and keeps codings of undeclared users as a placeholder coder', () => {
    const s = source(sel(0, 5, coding(1, 50) + coding(2, 51) + coding(2, 50)));
    const plan = planQdpxImport(
      qdpx(`<Users><User guid="${U(50)}" name="Ann"/></Users>${codes}${s.body}`, s.files),
      'p.qdpx',
    );
    expect(highlights(plan).map((h) => [h.quote, h.coderKey, h.codeKeys])).toEqual([
      ['Hello', U(50), [U(1), U(2)]],
      ['Hello', U(51), [U(2)]],
    ]);
    expect(plan.coders.map((c) => c.name)).toEqual(['Ann', `Unknown user ${U(51).slice(0, 8)}`]);
  });

  it('leaves out selections without a code, empty ones and codings of unknown codes, and counts them', () => {
    const s = source(
      sel(0, 5, '<Description>a quotation</Description>') +
        sel(6, 6, coding(1)) +
        sel(6, 11, coding(77)),
    );
    const plan = planQdpxImport(qdpx(codes + s.body, s.files), 'p.qdpx');
    expect(highlights(plan)).toEqual([]);
    expect(plan.skipped.map((n) => n.what)).toEqual([
      '1 empty selection(s) in source "S"',
      '2 selection(s) without a code in source "S"',
      '1 coding(s) in source "S"',
    ]);
  });

  it('joins a selection’s description, its notes, its codings’ notes and linked notes into its memo', () => {
    const notes = `<Notes><Note guid="${U(60)}"><PlainTextContent>Note one</PlainTextContent></Note><Note guid="${U(61)}" plainTextPath="internal://${U(61)}.txt"/><Note guid="${U(62)}"><PlainTextContent>Linked</PlainTextContent></Note></Notes>`;
    const links = `<Links><Link guid="${U(70)}" originGUID="${U(20)}" targetGUID="${U(62)}"/></Links>`;
    const inner = `<Description>Said twice</Description><Coding guid="${U(90)}"><CodeRef targetGUID="${U(1)}"/><NoteRef targetGUID="${U(61)}"/></Coding><NoteRef targetGUID="${U(60)}"/>`;
    const s = source(sel(0, 5, inner));
    const plan = planQdpxImport(
      qdpx(codes + s.body + notes + links, {
        ...s.files,
        [`sources/${U(61)}.txt`]: 'From a file\r\n',
      }),
      'p.qdpx',
    );
    expect(highlights(plan)[0]!.memo).toBe('Said twice\n\nNote one\n\nFrom a file\n\nLinked');
  });

  it('guesses UTF-16 units with CRLF as 2 for an unknown tool whose selections fit them (NVivo-like text)', () => {
    const text = '\uFEFF😀😀😀 first line\r\nsecond 😀 line\r\nthird part here';
    // In UTF-16 units with CRLF as 2 (the BOM not counted): "first" at 7, "third" at 35.
    const s = source(sel(35, 40, coding(1)) + sel(7, 12, coding(1)), text);
    const plan = planQdpxImport(qdpx(codes + s.body, s.files), 'p.qdpx');
    expect(plan.scheme).toEqual({ unit: 'utf16', crlf: 2 });
    expect(highlights(plan).map((h) => h.quote)).toEqual(['third', 'first']);
  });

  it('uses the selection names as quotes when guessing (ATLAS.ti-like names)', () => {
    const text = 'Å😀 ab\r\ncd ef gh';
    const s = source(sel(9, 11, coding(1), ' name="ef"'), text);
    const plan = planQdpxImport(qdpx(codes + s.body, s.files, 'Unknown'), 'p.qdpx');
    expect(highlights(plan)[0]!.quote).toBe('ef');
    expect(plan.scheme).toEqual({ unit: 'codepoint', crlf: 1 });
  });

  it('turns cases into studies with their variables, and ATLAS.ti’s "name: value" sets into attributes', () => {
    const body =
      codes +
      `<Variables><Variable guid="${U(80)}" name="age" typeOfVariable="Integer"/><Variable guid="${U(81)}" name="site" typeOfVariable="Text"/></Variables>` +
      `<Cases><Case guid="${U(30)}" name="Case one"><VariableValue><VariableRef targetGUID="${U(80)}"/><IntegerValue>67</IntegerValue></VariableValue><SourceRef targetGUID="${U(10)}"/></Case></Cases>` +
      source('').body +
      `<Sets><Set guid="${U(40)}" name="gender: male"><MemberSource targetGUID="${U(10)}"/></Set><Set guid="${U(41)}" name="Group"><MemberCode targetGUID="${U(1)}"/></Set></Sets>`;
    const plan = planQdpxImport(qdpx(body, source('').files), 'p.qdpx');
    expect(plan.studies).toMatchObject([
      { title: 'Case one', attributes: { age: '67', gender: 'male' } },
    ]);
    expect(plan.attributes).toEqual([
      { name: 'age', type: 'number' },
      { name: 'gender', type: 'category' },
    ]);
    expect(plan.skipped).toContainEqual({
      what: '1 set(s) (groups of codes or documents)',
      why: 'Kodbok has no groups of codes or documents',
    });
  });

  it('skips a variable whose name has no visible character, with a notice naming it, and imports the rest', () => {
    const value = (variable: number, text: string) =>
      `<VariableValue><VariableRef targetGUID="${U(variable)}"/><TextValue>${text}</TextValue></VariableValue>`;
    const body =
      codes +
      `<Variables><Variable guid="${U(80)}" name="&#x200B;&#x2060;" typeOfVariable="Text"/><Variable guid="${U(81)}" name="site" typeOfVariable="Text"/></Variables>` +
      `<Cases><Case guid="${U(30)}" name="Case one">${value(80, 'hidden')}${value(81, 'Oslo')}<SourceRef targetGUID="${U(10)}"/></Case></Cases>` +
      source('').body +
      `<Sets><Set guid="${U(40)}" name="&#x200B;: male"><MemberSource targetGUID="${U(10)}"/></Set></Sets>`;
    const plan = planQdpxImport(qdpx(body, source('').files), 'p.qdpx');
    expect(plan.studies).toMatchObject([{ title: 'Case one', attributes: { site: 'Oslo' } }]);
    expect(Object.keys(plan.studies[0]!.attributes)).toEqual(['site']);
    expect(plan.attributes).toEqual([{ name: 'site', type: 'text' }]);
    expect(plan.skipped).toContainEqual({
      what: 'Variable U+200B U+2060',
      why: 'its name has no visible character, so it cannot name a study attribute; its values are left out',
    });
  });

  it('reads back what Kodbok wrote: fields, attribute types, document kinds and positions', () => {
    const text = 'Ab 😀 cd\r\nef';
    const project: ProjectExport = {
      name: 'Rund',
      origin: 'Kodbok 0.1',
      exportedBy: U(50),
      date: new Date('2026-11-29T10:00:00Z'),
      users: [
        { id: U(50), name: 'Åsa' },
        { id: U(51), name: 'Bo' },
      ],
      codes: [
        { id: U(1), parentId: null, name: 'A', color: '#4E79A7', description: 'd', position: 0 },
      ],
      attributes: [{ name: 'country', type: 'category' }],
      studies: [
        {
          id: U(30),
          title: 'T',
          fields: {
            authors: ['B, C', 'D, E'],
            year: 2020,
            journal: 'J',
            doi: null,
            pmid: '1',
            volume: null,
            issue: null,
            pages: '1-2',
          },
          attributes: { country: 'Norge' },
          documents: [
            {
              id: U(10),
              kind: 'abstract',
              text,
              highlights: [
                {
                  id: U(20),
                  start: 3,
                  end: 11,
                  coderId: U(50),
                  codeIds: [U(1)],
                  memo: 'm',
                  createdAt: '2026-01-01T00:00:00Z',
                  updatedAt: '2026-01-01T00:00:00Z',
                },
              ],
            },
            { id: U(11), kind: 'text', text: 'full', highlights: [] },
          ],
        },
      ],
      memos: [
        memo(U(100), 'project', null, U(50), 'Om projektet 𝄞'),
        memo(U(101), 'study', U(30), U(51), 'Om studien\r\nrad två'),
        memo(U(102), 'document', U(11), U(50), 'Om texten 😀'),
        memo(U(103), 'code', U(1), U(51), 'Om koden <&>'),
        memo(U(104), 'code', U(1), U(50), 'Ann om koden'),
        // On what the export does not hold: left out.
        memo(U(105), 'study', U(99), U(50), 'Om en annan studie'),
      ],
    };
    const plan = planQdpxImport(writeProjectArchive(project), 'x.qdpx');
    expect(plan.studies).toEqual([
      {
        title: 'T',
        fields: project.studies[0]!.fields,
        attributes: { country: 'Norge' },
        documents: [
          {
            name: 'T (abstract)',
            kind: 'abstract',
            text: 'Ab 😀 cd\nef',
            highlights: [{ start: 3, end: 10, codeKeys: [U(1)], coderKey: U(50), memo: 'm' }],
            memos: [],
          },
          {
            name: 'T (text 2)',
            kind: 'text',
            text: 'full',
            highlights: [],
            memos: [{ authorKey: U(50), text: 'Om texten 😀' }],
          },
        ],
        memos: [{ authorKey: U(51), text: 'Om studien\r\nrad två' }],
      },
    ]);
    expect(plan.attributes).toEqual([{ name: 'country', type: 'category' }]);
    expect(highlights(plan)[0]!.quote).toBe('😀 cd\ne');
    expect(plan.projectMemos).toEqual([{ authorKey: U(50), text: 'Om projektet 𝄞' }]);
    expect(plan.codes[0]!.description).toBe('d');
    expect(plan.codeMemos).toEqual([
      { codeKey: U(1), authorKey: U(51), text: 'Om koden <&>' },
      { codeKey: U(1), authorKey: U(50), text: 'Ann om koden' },
    ]);
    expect(plan.coders).toEqual([
      { key: U(50), name: 'Åsa', highlights: 1, memos: 3 },
      { key: U(51), name: 'Bo', highlights: 0, memos: 2 },
    ]);
    expect(plan.skipped).toEqual([]);
  });
});
