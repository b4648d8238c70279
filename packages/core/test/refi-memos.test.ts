import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { planQdpxImport } from '../src/refi/import-project';

const U = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function qdpx(body: string, files: Record<string, string> = {}) {
  const xml = `<Project xmlns="urn:QDA-XML:project:1.0" name="P" origin="Some tool">${body}</Project>`;
  return zipSync({
    'project.qde': strToU8(xml),
    ...Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])),
  });
}

const note = (n: number, text: string, attrs = '') =>
  `<Note guid="${U(n)}"${attrs}><PlainTextContent>${text}</PlainTextContent></Note>`;
const by = (user: number) => ` creatingUser="${U(user)}"`;
const ref = (n: number) => `<NoteRef targetGUID="${U(n)}"/>`;
const users = `<Users><User guid="${U(50)}" name="Ann"/><User guid="${U(51)}" name="Bo"/></Users>`;
const codebook = `<CodeBook><Codes><Code guid="${U(1)}" name="Kod" isCodable="true"><Description>Vad koden betyder</Description>${ref(64)}${ref(65)}</Code></Codes></CodeBook>`;
const cases = `<Cases><Case guid="${U(30)}" name="Fall"><Description>Fallets beskrivning</Description><SourceRef targetGUID="${U(10)}"/></Case></Cases>`;
const source = (inner: string) =>
  `<Sources><TextSource guid="${U(10)}" name="Källa" plainTextPath="internal://${U(10)}.txt"><Description>Källans beskrivning</Description>${inner}${ref(61)}${ref(62)}${ref(63)}</TextSource></Sources>`;
const files = { [`sources/${U(10)}.txt`]: 'Hello world.' };

describe('planQdpxImport: notes as memos', () => {
  const plan = planQdpxImport(
    qdpx(
      users +
        codebook +
        cases +
        source(
          // A selection without a code: its note has nowhere to go.
          `<PlainTextSelection guid="${U(20)}" startPosition="0" endPosition="5">${ref(68)}</PlainTextSelection>`,
        ) +
        '<Notes>' +
        note(60, 'Projektets anteckning 𝄞', by(50)) +
        note(61, 'Ann först', by(50)) +
        note(62, 'Ann igen', ` creatingUser="" modifyingUser="${U(50)}"`) +
        note(63, 'Utan användare') +
        note(64, 'Okänd skrev', by(52)) +
        note(65, 'Bo om koden', by(51)) +
        note(66, 'Länkad till fallet', by(51)) +
        `<Note guid="${U(67)}" name="Forskningsplan"${by(51)}><Description>Dagbok</Description><PlainTextContent>Fri anteckning</PlainTextContent></Note>` +
        note(68, 'Om en okodad markering', by(50)) +
        '</Notes>' +
        `<Links><Link guid="${U(70)}" originGUID="${U(30)}" targetGUID="${U(66)}"/></Links>` +
        `<Description>Projektets beskrivning</Description>${ref(60)}`,
      files,
    ),
    'p.qdpx',
  );

  it('makes the project’s Description, its NoteRefs and free notes (headed by their name) project memos', () => {
    expect(plan.projectMemos).toEqual([
      { authorKey: null, text: 'Projektets beskrivning' },
      { authorKey: U(50), text: 'Projektets anteckning 𝄞' },
      { authorKey: U(51), text: 'Forskningsplan\n\nDagbok\n\nFri anteckning' },
    ]);
  });

  it('makes a case’s Description and the notes linked to it the study’s memos', () => {
    expect(plan.studies[0]!.memos).toEqual([
      { authorKey: null, text: 'Fallets beskrivning' },
      { authorKey: U(51), text: 'Länkad till fallet' },
    ]);
  });

  it('joins one author’s notes on a source into one memo, and gives an authorless note to the importer', () => {
    expect(plan.studies[0]!.documents[0]!.memos).toEqual([
      { authorKey: null, text: 'Källans beskrivning\n\nUtan användare' },
      { authorKey: U(50), text: 'Ann först\n\nAnn igen' },
    ]);
    expect(plan.adjusted).toContainEqual({
      what: '2 memo(s)',
      why: 'joined from several notes by one author on one thing, a blank line between them: Kodbok keeps one memo per author and thing',
    });
  });

  it('keeps a code’s Description as its description and its notes as its memos, an undeclared author as a placeholder coder', () => {
    expect(plan.codes[0]!.description).toBe('Vad koden betyder');
    expect(plan.codeMemos).toEqual([
      { codeKey: U(1), authorKey: U(52), text: 'Okänd skrev' },
      { codeKey: U(1), authorKey: U(51), text: 'Bo om koden' },
    ]);
    expect(plan.adjusted).toContainEqual({
      what: `User ${U(52)}`,
      why: `not among the file's Users: kept as the coding and memos of "Unknown user 00000000"`,
    });
  });

  it('lists a user who wrote memos but coded nothing among the coders, so their memos keep their author', () => {
    expect(plan.coders).toEqual([
      { key: U(50), name: 'Ann', highlights: 0, memos: 2 },
      { key: U(51), name: 'Bo', highlights: 0, memos: 3 },
      { key: U(52), name: 'Unknown user 00000000', highlights: 0, memos: 1 },
    ]);
  });

  it('counts the notes on what Kodbok did not import as skipped, and no "no place for memos" any more', () => {
    expect(plan.skipped).toContainEqual({
      what: '1 note(s) on other things',
      why: 'they belong to what Kodbok did not import (media, sources without text, selections without a code, links, graphs)',
    });
    expect(plan.skipped.filter((n) => /no place for/.test(n.why))).toEqual([]);
  });

  it('cuts a memo longer than 20,000 characters without splitting a character, and says so', () => {
    const long = `${'a'.repeat(19_998)}😀😀😀`;
    const big = planQdpxImport(
      qdpx(users + `<Notes>${note(60, long, by(50))}</Notes><NoteRef targetGUID="${U(60)}"/>`),
      'p.qdpx',
    );
    const text = big.projectMemos[0]!.text;
    expect(text.length).toBeLessThanOrEqual(20_000);
    expect(text.endsWith('a…')).toBe(true);
    expect(big.adjusted).toContainEqual({
      what: 'The memo on the project by "Ann"',
      why: 'cut to 20,000 characters, the most a Kodbok memo holds',
    });
  });
});
