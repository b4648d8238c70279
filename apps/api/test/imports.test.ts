import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { Value } from 'typebox/value';
import { ImportPreviewSchema } from '@kodbok/contracts';
import {
  addMember,
  createUser,
  multipartBody,
  SAME_ORIGIN,
  setupOwner,
  startApp,
  upload,
} from './helper';

const app = await startApp();
const owner = await setupOwner(app);
const demoRis = readFileSync(new URL('../src/demo/peer-support.ris', import.meta.url), 'utf8');
const demo = JSON.parse(
  readFileSync(new URL('../src/demo/peer-support.json', import.meta.url), 'utf8'),
) as { studies: Array<Record<string, any>> };
const fixture = (name: string) =>
  readFileSync(new URL(`../../../packages/core/test/fixtures/${name}`, import.meta.url));

async function newProject() {
  return (await owner.request('POST', '/api/projects', { name: 'Import test' })).json()
    .id as string;
}
const url = (projectId: string, query = '') => `/api/projects/${projectId}/imports${query}`;
const studies = async (projectId: string) =>
  (await owner.request('GET', `/api/projects/${projectId}/studies`)).json() as any[];

describe('POST /api/projects/:projectId/imports', () => {
  it('previews the demo corpus without storing anything', async () => {
    const projectId = await newProject();
    const res = await upload(app, owner, url(projectId, '?mode=preview'), [
      { name: 'peer-support.ris', content: demoRis },
    ]);
    expect(res.statusCode).toBe(200);
    const preview = res.json();
    expect(preview).toMatchObject({
      format: 'ris',
      records: 4,
      new: 4,
      duplicates: [],
      problems: [],
      withoutText: 0,
    });
    expect(preview.sample.map((s: any) => s.line)).toEqual([1, 18, 40, 56]);
    expect(await studies(projectId)).toEqual([]);
  });

  it('reads a file sent without a declared length (chunked) as one sent with it', async () => {
    // 40 copies of the demo file, well past the 64 kB the reading starts with without a length.
    const big = Array.from({ length: 40 }, () => demoRis).join('\n');
    const projectId = await newProject();
    const declared = await upload(app, owner, url(projectId, '?mode=preview'), [
      { name: 'big.ris', content: big },
    ]);
    const { payload, contentType } = multipartBody([{ name: 'big.ris', content: big }]);
    const chunked = await app.inject({
      method: 'POST',
      url: url(projectId, '?mode=preview'),
      headers: { cookie: owner.cookie, ...SAME_ORIGIN, 'content-type': contentType },
      // In pieces of 16 kB, as a slow network delivers them: the array grows several times.
      payload: Readable.from(
        Array.from({ length: Math.ceil(payload.length / 16384) }, (_, i) =>
          payload.subarray(i * 16384, (i + 1) * 16384),
        ),
      ),
    });
    expect(chunked.statusCode).toBe(200);
    expect(chunked.json().records).toBe(160);
    expect(chunked.json()).toEqual(declared.json());
  });

  it('answers a preview in the shape of the contract and nothing more, duplicates included', async () => {
    // The import worker writes the preview's JSON: no serialiser on the way strips extra fields.
    const projectId = await newProject();
    const file = [{ name: 'peer-support.ris', content: demoRis }];
    await upload(app, owner, url(projectId, '?mode=commit'), file);
    const res = await upload(app, owner, url(projectId, '?mode=preview'), file);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const preview = res.json();
    expect(preview.duplicates).toHaveLength(4);
    expect(Value.Check(ImportPreviewSchema, preview)).toBe(true);
    expect(Value.Clean(ImportPreviewSchema, structuredClone(preview))).toEqual(preview);
  });

  it('imports the demo corpus with every bibliographic field and the abstract as a document', async () => {
    const projectId = await newProject();
    const res = await upload(app, owner, url(projectId, '?mode=commit'), [
      { name: 'peer-support.ris', content: demoRis },
    ]);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ created: 4, updated: 0, skipped: 0 });
    const stored = await studies(projectId);
    for (const expected of demo.studies) {
      const s = stored.find((x) => x.title === expected.title);
      expect(s, expected.key).toMatchObject({
        authors: expected.authors,
        year: expected.year,
        journal: expected.journal,
        volume: expected.volume,
        issue: expected.issue,
        pages: expected.pages || null,
        doi: expected.doi || null,
      });
      expect(s.attributes.publisher).toBe(expected.publisher);
      if (expected.keywords) expect(s.attributes.keywords).toBe(expected.keywords.join('; '));
      expect(s.documents).toEqual([
        { id: expect.any(String), kind: 'abstract', length: expected.abstract.length },
      ]);
      const doc = (await owner.request('GET', `/api/documents/${s.documents[0].id}`)).json();
      expect(doc.text).toBe(expected.abstract);
    }
  });

  it('skips duplicates the second time, so importing the same file twice creates nothing', async () => {
    const projectId = await newProject();
    const file = [{ name: 'peer-support.ris', content: demoRis }];
    await upload(app, owner, url(projectId, '?mode=commit'), file);
    const preview = (await upload(app, owner, url(projectId), file)).json();
    expect(preview.new).toBe(0);
    expect(preview.duplicates.map((d: any) => d.reason).sort()).toEqual([
      'doi',
      'doi',
      'doi',
      'title',
    ]);
    const again = await upload(app, owner, url(projectId, '?mode=commit&duplicates=skip'), file);
    expect(again.json()).toEqual({ created: 0, updated: 0, skipped: 4 });
    expect(await studies(projectId)).toHaveLength(4);
  });

  it('updates existing studies when asked, adding what they lack and keeping their text', async () => {
    const projectId = await newProject();
    const created = (
      await owner.request('POST', `/api/projects/${projectId}/studies`, {
        title: 'Introducing new peer worker roles',
        text: 'My own pasted text.',
        doi: '10.1007/s10488-014-0603-z',
        attributes: { country: 'England' },
      })
    ).json();
    const res = await upload(app, owner, url(projectId, '?mode=commit&duplicates=update'), [
      { name: 'zotero.ris', content: fixture('zotero.ris') },
    ]);
    expect(res.json()).toEqual({ created: 0, updated: 1, skipped: 0 });
    const s = (await owner.request('GET', `/api/studies/${created.id}`)).json();
    expect(s).toMatchObject({
      title: 'Introducing New Peer Worker Roles into Mental Health Services in England',
      year: 2015,
      volume: '42',
      attributes: { country: 'England', publisher: 'Springer', language: 'en' },
    });
    expect(s.documents).toHaveLength(1);
  });

  it('imports duplicates anyway when asked, and flags duplicates within one file', async () => {
    const projectId = await newProject();
    const twice = `${demoRis}\n${demoRis}`;
    const preview = (
      await upload(app, owner, url(projectId), [{ name: 'twice.ris', content: twice }])
    ).json();
    expect(preview).toMatchObject({ records: 8, new: 4 });
    expect(preview.duplicates[0]).toMatchObject({ line: 77, studyId: null, reason: 'doi' });
    const res = await upload(app, owner, url(projectId, '?mode=commit&duplicates=import'), [
      { name: 'twice.ris', content: twice },
    ]);
    expect(res.json()).toEqual({ created: 8, updated: 0, skipped: 0 });
  });

  it('imports several files of different formats at once, each recognised from its content', async () => {
    const projectId = await newProject();
    const res = await upload(app, owner, url(projectId), [
      { name: 'a.txt', content: fixture('pubmed.nbib') },
      { name: 'b.txt', content: fixture('library.bib') },
      { name: 'Interview 1.txt', content: 'Peer workers told us about their days.' },
    ]);
    const preview = res.json();
    expect(preview.format).toBe('mixed');
    expect(preview.files).toEqual([
      { name: 'a.txt', format: 'medline', records: 2 },
      { name: 'b.txt', format: 'bibtex', records: 3 },
      { name: 'Interview 1.txt', format: 'text', records: 1 },
    ]);
    expect(preview.problems).toEqual([
      { file: 'b.txt', line: 37, message: '@misc{untitled2020} has no title' },
    ]);
    expect(preview.withoutText).toBe(3);
    const committed = await upload(app, owner, url(projectId, '?mode=commit'), [
      { name: 'Interview 1.txt', content: 'Peer workers told us about their days.' },
    ]);
    expect(committed.statusCode).toBe(201);
    expect((await studies(projectId))[0]).toMatchObject({
      title: 'Interview 1',
      documents: [{ kind: 'abstract', length: 38 }],
    });
  });

  it('maps CSV columns as told, with other columns as attributes', async () => {
    const projectId = await newProject();
    const csv = 'Name;Summary;Land;n\r\nA study;Its text;Norway;12\r\nB study;;Sweden;7\r\n';
    const preview = (
      await upload(app, owner, url(projectId), [{ name: 't.csv', content: csv }])
    ).json();
    expect(preview.csv).toMatchObject({
      columns: ['Name', 'Summary', 'Land', 'n'],
      delimiter: ';',
    });
    expect(preview.problems[0].message).toMatch(/no column is mapped to the title/);
    const mapping = {
      ...preview.csv.mapping,
      title: 'Name',
      abstract: 'Summary',
      attributes: ['Land', 'n'],
    };
    const res = await upload(
      app,
      owner,
      url(projectId, '?mode=commit'),
      [{ name: 't.csv', content: csv }],
      {
        mapping: JSON.stringify(mapping),
      },
    );
    expect(res.json()).toEqual({ created: 2, updated: 0, skipped: 0 });
    const attributes = (await owner.request('GET', `/api/projects/${projectId}/attributes`)).json();
    expect(attributes).toEqual([
      { name: 'Land', type: 'text', studies: 2, values: expect.any(Array) },
      { name: 'n', type: 'number', studies: 2, values: expect.any(Array) },
    ]);
  });

  it('refuses a CSV of more than 500 attribute columns with 400 at preview and commit, storing nothing', async () => {
    const projectId = await newProject();
    const columns = ['Title', ...Array.from({ length: 600 }, (_, i) => `Column ${i + 1}`)];
    const content = `${columns.join(',')}\n${['A study', ...columns.slice(1).map(() => 'x')].join(',')}\n`;
    for (const mode of ['preview', 'commit']) {
      const res = await upload(app, owner, url(projectId, `?mode=${mode}`), [
        { name: 'wide.csv', content },
      ]);
      expect([mode, res.statusCode]).toEqual([mode, 400]);
      expect(res.json().message).toMatch(
        /wide\.csv, line 1: 600 columns would become study attributes/,
      );
    }
    expect(await studies(projectId)).toEqual([]);
  });

  it.each([
    [
      'truncated.ris',
      5,
      /^the record that starts here has no "ER {2}-" line \(the file may be cut short\)/,
      ['First'],
    ],
    ['broken.bib', 1, /the entry that starts at line 1 is not closed/, ['Next']],
    ['unclosed.csv', 3, /^a quoted cell is not closed/, ['Quoted, with comma']],
  ])(
    'leaves out what it cannot read of %s, naming file, line and reason, and imports the rest',
    async (name, line, message, titles) => {
      const projectId = await newProject();
      const files = [{ name, content: fixture(name) }];
      const preview = (await upload(app, owner, url(projectId), files)).json();
      expect(preview.problems).toEqual([
        { file: name, line, message: expect.stringMatching(message) },
      ]);
      const res = await upload(app, owner, url(projectId, '?mode=commit'), files);
      expect(res.json()).toEqual({ created: titles.length, updated: 0, skipped: 1 });
      expect((await studies(projectId)).map((s) => s.title)).toEqual(titles);
    },
  );

  it.each([
    [
      'cut.ris',
      'TY  - JOUR\nTI  - Cut',
      /^RIS file cut\.ris, line 1: no complete record: .* has no "ER {2}-" line/,
    ],
    ['cut.bib', '@article{a, title = {cut', /^BibTeX file cut\.bib, line 1: .*not closed/],
    ['cut.csv', 'Title\n"Unclosed', /^CSV file cut\.csv, line 2: a quoted cell is not closed/],
  ])(
    'refuses %s, in which nothing is a record, with 400 and stores nothing of the upload',
    async (name, content, message) => {
      const projectId = await newProject();
      const res = await upload(app, owner, url(projectId, '?mode=commit'), [
        { name: 'peer-support.ris', content: demoRis },
        { name, content },
      ]);
      expect(res.statusCode).toBe(400);
      expect(res.json().message).toMatch(message);
      expect(await studies(projectId)).toEqual([]);
    },
  );

  it('sends the author separator of a CSV mapping, and guesses it when not sent', async () => {
    const projectId = await newProject();
    const csv = 'Title,Authors\nA,"Aguiar L., Gagnepain P."\n';
    const files = [{ name: 'a.csv', content: csv }];
    const preview = (await upload(app, owner, url(projectId), files)).json();
    expect(preview.csv.mapping.authorSeparator).toBe(',');
    expect(preview.sample[0].authors).toEqual(['Aguiar, L.', 'Gagnepain, P.']);
    const mapping = JSON.stringify({ ...preview.csv.mapping, authorSeparator: ';' });
    const again = (await upload(app, owner, url(projectId), files, { mapping })).json();
    expect(again.sample[0].authors).toEqual(['Aguiar L., Gagnepain P.']);
    const bad = await upload(app, owner, url(projectId), files, {
      mapping: JSON.stringify({ ...preview.csv.mapping, authorSeparator: 'and' }),
    });
    expect(bad.statusCode).toBe(400);
  });

  it('says in the preview which record and field were cut to fit 2,000 characters', async () => {
    const projectId = await newProject();
    const long = 'x'.repeat(2500);
    const files = [{ name: 'long.csv', content: `Title,Notes\nA,${long}\n` }];
    const preview = (await upload(app, owner, url(projectId), files)).json();
    expect(preview.warnings).toEqual([
      {
        file: 'long.csv',
        line: 2,
        message: '"Notes" has 2,500 characters; the first 2,000 are kept',
      },
    ]);
    await upload(app, owner, url(projectId, '?mode=commit'), files);
    const [study] = await studies(projectId);
    expect(study.attributes.Notes).toHaveLength(2000);
  });

  it('leaves out records whose value does not fit a number attribute, saying which', async () => {
    const projectId = await newProject();
    await owner.request('PUT', `/api/projects/${projectId}/attributes/n`, { type: 'number' });
    const csv = 'Title,n\nA,12\nB,many\n';
    const preview = (
      await upload(app, owner, url(projectId), [{ name: 'n.csv', content: csv }])
    ).json();
    expect(preview.problems).toEqual([
      { file: 'n.csv', line: 3, message: '"n" is a number attribute, and "many" is not a number' },
    ]);
    const res = await upload(app, owner, url(projectId, '?mode=commit'), [
      { name: 'n.csv', content: csv },
    ]);
    expect(res.json()).toEqual({ created: 1, updated: 0, skipped: 1 });
  });

  it('refuses a commit of a CSV whose title column is not mapped', async () => {
    const projectId = await newProject();
    const res = await upload(app, owner, url(projectId, '?mode=commit'), [
      { name: 'x.csv', content: 'A,B\n1,2\n' },
    ]);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/map a column to the title/);
  });

  it('validates the request: query, fields, mapping, and a body that is not multipart', async () => {
    const projectId = await newProject();
    const file = [{ name: 'a.ris', content: demoRis }];
    const bad = await upload(app, owner, url(projectId, '?mode=later'), file);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/querystring\/mode/);
    const mapping = await upload(app, owner, url(projectId), file, { mapping: '{"title": 3}' });
    expect(mapping.statusCode).toBe(400);
    expect(mapping.json().message).toMatch(/^mapping/);
    const json = await owner.request('POST', url(projectId), { file: 'x' });
    expect(json.statusCode).toBe(415);
    const none = await upload(app, owner, url(projectId), [], { other: 'x' });
    expect(none.statusCode).toBe(400);
    const many = Array.from({ length: 51 }, (_, i) => ({ name: `${i}.txt`, content: 'Text.' }));
    const tooMany = await upload(app, owner, url(projectId), many);
    expect(tooMany.statusCode).toBe(413);
    expect(tooMany.json().message).toBe('Send at most 50 files in one import');
  });

  it('reads a UTF-16 file with its BOM, as Excel saves "Unicode text"', async () => {
    const projectId = await newProject();
    const tsv = '\ufeffTitle\tCountry\r\nÅkerblom study\tNorway\r\n';
    const preview = (
      await upload(app, owner, url(projectId), [
        { name: 'excel.txt', content: Buffer.from(tsv, 'utf16le') },
      ])
    ).json();
    expect(preview.sample[0]).toMatchObject({
      title: 'Åkerblom study',
      attributes: { Country: 'Norway' },
    });
  });

  it('reads a Windows-1252 file that is not valid UTF-8, curly quotes and dashes too', async () => {
    const projectId = await newProject();
    // Word's quotes and dashes are the bytes 0x80–0x9F, where Windows-1252 and Latin-1 differ.
    const latin = Buffer.from(
      'TY  - JOUR\r\nTI  - \x93Stjernsw\xe4rd\x94 \x96 Troms\xf8\r\nER  - \r\n',
      'latin1',
    );
    const preview = (
      await upload(app, owner, url(projectId), [{ name: 'old.ris', content: latin }])
    ).json();
    expect(preview.sample[0].title).toBe('“Stjernswärd” – Tromsø');
  });

  it('answers 404 outside the project and 403 to a viewer, storing nothing', async () => {
    const projectId = await newProject();
    const outsider = await createUser(app, owner, 'Outsider');
    const file = [{ name: 'a.ris', content: demoRis }];
    expect((await upload(app, outsider, url(projectId, '?mode=commit'), file)).statusCode).toBe(
      404,
    );
    await addMember(owner, projectId, outsider, 'viewer');
    expect((await upload(app, outsider, url(projectId, '?mode=commit'), file)).statusCode).toBe(
      403,
    );
    expect(await studies(projectId)).toEqual([]);
  });
});

describe('the import size limit', async () => {
  const { startApp: start } = await import('./helper');
  const small = await start({ importLimit: 1000 });
  const smallOwner = await setupOwner(small);
  it('answers 413 with a message naming the file and the limit', async () => {
    const projectId = (await smallOwner.request('POST', '/api/projects', { name: 'P' })).json().id;
    const res = await upload(small, smallOwner, url(projectId), [
      { name: 'big.ris', content: demoRis },
    ]);
    expect(res.statusCode).toBe(413);
    expect(res.json().message).toMatch(
      /big\.ris is larger than the import limit.*KODBOK_IMPORT_LIMIT/,
    );
  });
});
