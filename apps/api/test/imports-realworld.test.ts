import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { setupOwner, startApp, upload } from './helper';
import {
  countRecords,
  DIR,
  documentedCounts,
  HAS_IMPORTS,
  HELD_TWICE,
  recordsWithAbstract,
  text,
} from './imports-realworld-helper';
import { HAND_CHECKED } from './imports-realworld-records';

/*
 * The 28 real exports in ../shared/realworld/imports (provenance and hand-checked records in
 * ../shared/realworld/imports.md), read in place, never copied into the repository. What each
 * test expects comes from reading the files: record counts by the markers of each format,
 * checked against the table in imports.md, and the records people checked by hand.
 */

describe.skipIf(!HAS_IMPORTS)(
  'importing the real exports of ../shared/realworld/imports',
  async () => {
    const app = await startApp();
    const owner = await setupOwner(app);
    const files = HAS_IMPORTS ? readdirSync(DIR).sort() : [];
    const documented = HAS_IMPORTS ? documentedCounts() : new Map<string, number>();

    const newProject = async () =>
      (await owner.request('POST', '/api/projects', { name: 'Real exports' })).json().id as string;
    const send = (projectId: string, name: string, query: string) =>
      upload(app, owner, `/api/projects/${projectId}/imports?${query}`, [
        { name, content: readFileSync(new URL(name, DIR)) },
      ]);
    const studiesOf = async (projectId: string) =>
      (await owner.request('GET', `/api/projects/${projectId}/studies`)).json() as Array<
        Record<string, any>
      >;
    const documentText = async (study: Record<string, any>) =>
      (await owner.request('GET', `/api/documents/${study.documents[0].id}`)).json().text as string;

    it('has the 28 files that imports.md lists, each with the count imports.md gives', () => {
      expect(files).toHaveLength(28);
      for (const name of files) expect(countRecords(name), name).toBe(documented.get(name));
    });

    it.each(files)('previews and commits every record of %s, with its abstract', async (name) => {
      const projectId = await newProject();
      const records = countRecords(name);
      const twice = HELD_TWICE[name] ?? 0;
      const res = await send(projectId, name, 'mode=preview');
      expect(res.statusCode, res.body).toBe(200);
      const preview = res.json();
      expect(preview.problems).toEqual([]);
      expect(preview.records).toBe(records);
      expect(preview.duplicates).toHaveLength(twice);
      expect(preview.new).toBe(records - twice);
      // Every record whose abstract field has text in the file has it as its text to code.
      if (!name.endsWith('.csv'))
        expect(preview.records - preview.withoutText).toBe(recordsWithAbstract(name));
      const committed = await send(projectId, name, 'mode=commit');
      expect(committed.json()).toEqual({ created: records - twice, updated: 0, skipped: twice });
      const stored = await studiesOf(projectId);
      expect(stored).toHaveLength(records - twice);
      for (const expected of HAND_CHECKED[name] ?? []) {
        const study = stored.find((s) => s.title === expected.title);
        expect(study, `${name}: "${expected.title}"`).toBeDefined();
        expect(study).toMatchObject({
          ...(expected.year !== undefined ? { year: expected.year } : {}),
          ...(expected.doi !== undefined ? { doi: expected.doi } : {}),
          ...(expected.journal ? { journal: expected.journal } : {}),
          ...(expected.pmid ? { pmid: expected.pmid } : {}),
          ...(expected.authors ? { authors: expected.authors } : {}),
        });
        if (expected.firstAuthor) expect(study!.authors[0]).toBe(expected.firstAuthor);
        if (expected.authorCount) expect(study!.authors).toHaveLength(expected.authorCount);
      }
    });

    it.each(['scopus127.ris', 'zotero_lens100.ris', 'ovid_psycinfo.ris', 'pubmed_endnote.txt'])(
      'stores the DOI of every record of %s that has a DO line, and every year of PY/Y1',
      async (name) => {
        const records = text(name)
          .split(/^TY {2}- /m)
          .slice(1);
        const dois = records
          .map((r) => /^DO {2}- .*?(10\.\d{4,9}\/\S+)/m.exec(r)?.[1])
          .filter((d): d is string => !!d);
        const years = records.filter((r) => /^(?:PY|Y1) {2}- .*\d{4}/m.test(r)).length;
        const projectId = await newProject();
        await send(projectId, name, 'mode=commit');
        const stored = await studiesOf(projectId);
        expect(
          stored
            .map((s) => s.doi)
            .filter(Boolean)
            .sort(),
        ).toEqual([...new Set(dois)].sort());
        expect(stored.filter((s) => s.year !== null)).toHaveLength(years);
      },
    );

    it('stores the PMID of every MEDLINE record', async () => {
      const pmids = [...text('pubmed200.nbib').matchAll(/^PMID- (\d+)/gm)].map((m) => m[1]);
      const projectId = await newProject();
      await send(projectId, 'pubmed200.nbib', 'mode=commit');
      const stored = (await studiesOf(projectId)).map((s) => s.pmid);
      expect(stored.sort()).toEqual(pmids.sort());
    });

    it('keeps both of two Lens records with one title and year but different DOIs', async () => {
      const projectId = await newProject();
      await send(projectId, 'lens100_bom_crlf.ris', 'mode=commit');
      const dois = (await studiesOf(projectId)).map((s) => s.doi);
      expect(dois).toEqual(
        expect.arrayContaining(['10.1371/journal.pone.0086394', '10.1016/j.jvir.2013.12.293']),
      );
    });

    it('keeps authors letter for letter: Slovene, macros with accents, and initials', async () => {
      const projectId = await newProject();
      for (const name of ['lens100_bom_crlf.ris', 'jabref22_strings.bib', 'wos_plaintext12.txt'])
        await send(projectId, name, 'mode=commit');
      const authors = (await studiesOf(projectId)).flatMap((s) => s.authors as string[]);
      expect(authors).toEqual(
        expect.arrayContaining(['Strojan, Primož', 'Grošelj, Aleš', 'Asanovíc, Krste', 'Arvind']),
      );
    });

    it("keeps whole abstracts: 3,044 characters of PubMed, Ovid's N2, WoS paragraphs", async () => {
      const projectId = await newProject();
      for (const name of ['pubmed200.nbib', 'ovid_psycinfo.ris', 'wos_plaintext12.txt'])
        await send(projectId, name, 'mode=commit');
      const stored = await studiesOf(projectId);
      const byDoi = (doi: string) => stored.find((s) => s.doi === doi)!;
      const pubmed = await documentText(byDoi('10.3969/j.issn.1003-0034.2018.11.004'));
      expect(pubmed).toHaveLength(3044);
      const n2 = /^N2 {2}- (.*)$/m.exec(text('ovid_psycinfo.ris'))![1]!.trim();
      expect(await documentText(byDoi('10.1002/cpp.2398'))).toBe(n2);
      const wos = await documentText(byDoi('10.1371/journal.pntd.0006219'));
      expect(wos.split('\n').slice(0, 3)).toEqual([
        'Background',
        expect.stringMatching(/^Leprosy is a condition that has long been associated/),
        'Methods',
      ]);
    });

    it('turns LaTeX into text: "prismatic <a>", accents, and no wrapped line breaks', async () => {
      const projectId = await newProject();
      for (const name of ['jabref5_crlf.bib', 'wos37.bib', 'zotero_bbt_901.bib'])
        await send(projectId, name, 'mode=commit');
      const stored = await studiesOf(projectId);
      expect(stored.filter((s) => /[\n\t\\{}]| {2}/.test(s.title))).toEqual([]);
      const twinning = stored.find((s) => s.title.startsWith('Implications of twinning'))!;
      expect(await documentText(twinning)).toContain('prismatic <a> and');
    });

    it('leaves out Scopus placeholders and says which values were cut to fit', async () => {
      const projectId = await newProject();
      const preview = (await send(projectId, 'scopus127.csv', 'mode=preview')).json();
      expect(preview.csv.mapping).toMatchObject({ authors: 'Authors', authorSeparator: ',' });
      const references = preview.warnings.filter((w: { message: string }) =>
        w.message.startsWith('"References" has'),
      );
      expect(references.length).toBeGreaterThan(0);
      expect(references[0].message).toMatch(/^"References" has [\d,]+ characters; the first 2,000/);
      await send(projectId, 'scopus127.csv', 'mode=commit');
      const stored = await studiesOf(projectId);
      const authors = stored.flatMap((s) => s.authors as string[]);
      expect(authors.filter((a) => a.startsWith('[No'))).toEqual([]);
      expect(stored.filter((s) => s.documents.length === 0)).toHaveLength(1);
    });
  },
);
