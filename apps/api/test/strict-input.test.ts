import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  createCode,
  createHighlight,
  createProjectWithStudy,
  setupOwner,
  startApp,
  uniqueEmail,
  upload,
  USER_PASSWORD,
} from './helper';
import { SHARED } from './refi-helper';

const app = await startApp();
const owner = await setupOwner(app);

describe('JSON bodies are taken as sent, without type coercion', () => {
  it('refuses a number where a string is due, instead of storing "-1"', async () => {
    const { project } = await createProjectWithStudy(owner);
    const res = await owner.request('POST', `/api/projects/${project.id}/codes`, { name: -1 });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe('body/name must be string');
    const codes = (await owner.request('GET', `/api/projects/${project.id}/codes`)).json();
    expect(codes.map((c: { name: string }) => c.name)).toEqual(['Role clarity']);
    const renamed = await owner.request('PATCH', `/api/projects/${project.id}`, { name: 2026 });
    expect(renamed.statusCode).toBe(400);
  });

  it('refuses a string where a number or a boolean is due', async () => {
    const { project, documentId, code } = await createProjectWithStudy(owner);
    const res = await owner.request('POST', `/api/documents/${documentId}/highlights`, {
      start: '0',
      end: '4',
      quote: 'Peer',
      codeIds: [code.id],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe('body/start must be integer');
    const flag = await owner.request('PATCH', `/api/projects/${project.id}`, {
      independentCoding: 'true',
    });
    expect(flag.statusCode).toBe(400);
    expect(flag.json().message).toBe('body/independentCoding must be boolean');
    const doc = (await owner.request('GET', `/api/documents/${documentId}`)).json();
    expect(doc.highlights).toEqual([]);
  });

  it('refuses a single id where a list is due', async () => {
    const { documentId, code } = await createProjectWithStudy(owner);
    const created = await owner.request('POST', `/api/documents/${documentId}/highlights`, {
      start: 0,
      end: 4,
      quote: 'Peer',
      codeIds: code.id,
    });
    expect(created.statusCode).toBe(400);
    expect(created.json().message).toBe('body/codeIds must be array');
    const highlight = await createHighlight(owner, documentId, 'Peer', [code.id]);
    const patched = await owner.request('PATCH', `/api/highlights/${highlight.id}`, {
      codeIds: code.id,
    });
    expect(patched.statusCode).toBe(400);
  });

  it('refuses null where a string is due, instead of storing ""', async () => {
    const { project } = await createProjectWithStudy(owner);
    const res = await owner.request('POST', `/api/projects/${project.id}/codes`, {
      name: 'Stigma',
      description: null,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe('body/description must be string');
  });

  it('still reads numbers and lists from query strings, which are text on the wire', async () => {
    const { project, code } = await createProjectWithStudy(owner);
    const base = `/api/projects/${project.id}`;
    // `limit` is a number; `attr` a list, here of one.
    const excerpts = await owner.request('GET', `${base}/excerpts?codes=${code.id}&limit=5`);
    expect(excerpts.statusCode).toBe(200);
    const matrix = await owner.request('GET', `${base}/matrix?attr=country%3DSweden&limit=5`);
    expect(matrix.statusCode).toBe(200);
  });
});

describe('names need a visible character', () => {
  const INVISIBLE: Array<[string, string]> = [
    ['spaces and a tab', ' \t '],
    ['a zero-width space', '\u200b'],
    ['zero-width joiners and a BOM', '\u200c\u200d\u2060\ufeff'],
    ['a NUL', '\u0000'],
    ['control characters', '\u0001\u001f\u007f'],
    ['a soft hyphen', '\u00ad'],
    ['a Hangul filler', '\u3164'],
    ['direction marks', '\u200e\u202e'],
    ['a variation selector', '\ufe0f'],
  ];

  it.each(INVISIBLE)('refuses a code name of only %s with 400', async (_what, name) => {
    const { project } = await createProjectWithStudy(owner);
    const res = await owner.request('POST', `/api/projects/${project.id}/codes`, { name });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/^body\/name must not be blank/);
    const codes = (await owner.request('GET', `/api/projects/${project.id}/codes`)).json();
    expect(codes).toHaveLength(1);
  });

  it.each(INVISIBLE)(
    'refuses project, user and token names of only %s with 400',
    async (_what, name) => {
      const { project, code } = await createProjectWithStudy(owner);
      const answers = await Promise.all([
        owner.request('POST', '/api/projects', { name }),
        owner.request('PATCH', `/api/projects/${project.id}`, { name }),
        owner.request('PATCH', `/api/codes/${code.id}`, { name }),
        owner.request('POST', '/api/users', {
          email: uniqueEmail(),
          name,
          password: USER_PASSWORD,
        }),
        owner.request('PATCH', `/api/users/${owner.user.id}`, { name }),
        owner.request('POST', '/api/tokens', { name }),
      ]);
      expect(answers.map((r) => r.statusCode)).toEqual([400, 400, 400, 400, 400, 400]);
      for (const r of answers) expect(r.json().message).toMatch(/name must not be blank/);
    },
  );

  it.each(INVISIBLE.filter(([, name]) => name.trim() !== ''))(
    'refuses a study attribute named with only %s, naming it, and stores nothing',
    async (_what, name) => {
      const { project, study } = await createProjectWithStudy(owner);
      const answers = [
        await owner.request('PATCH', `/api/studies/${study.id}`, {
          attributes: { country: 'Norway', [name]: 'x' },
        }),
        await owner.request('POST', `/api/projects/${project.id}/studies`, {
          title: 'T',
          text: 'x',
          attributes: { [name]: 'x' },
        }),
      ];
      for (const res of answers) {
        expect(res.statusCode).toBe(400);
        expect(res.json().message).toBe(
          // (Named as stored: trimmed, which takes the BOM.)
          `attributes: the name ${JSON.stringify(name.trim())} must not be blank: it needs a visible character`,
        );
      }
      const studies = (await owner.request('GET', `/api/projects/${project.id}/studies`)).json();
      expect(studies.map((s: { attributes: object }) => s.attributes)).toEqual([{}]);
    },
  );

  it('keeps names with visible characters, invisible ones among them included', async () => {
    const { project } = await createProjectWithStudy(owner);
    for (const name of ['同伴支援', '👩🏽‍⚕️', 'Ω', 'co\u00adoperation', '\u200bStigma']) {
      expect((await createCode(owner, project.id, name)).name).toBe(name);
    }
  });
});

describe('attribute names from imports need a visible character', () => {
  // Two columns of a real PubMed export, with the "Journal/Book" header made a zero-width space.
  const pubmed = readFileSync(new URL('realworld/imports/pubmed_export.csv', SHARED), 'utf8');
  const rows = pubmed
    .split('\n')
    .slice(0, 3)
    .map((line) => parseLine(line));
  const titleAt = rows[0]!.indexOf('Title');
  const journalAt = rows[0]!.indexOf('Journal/Book');
  const csv = rows
    .map((r, i) => [r[titleAt], i === 0 ? '\u200b' : r[journalAt]].map(quote).join(','))
    .join('\n');

  it('refuses a CSV mapping that makes such a column an attribute, naming the file and column; stores nothing', async () => {
    const { project } = await createProjectWithStudy(owner);
    const mapping = { ...EMPTY_MAPPING, title: 'Title', attributes: ['\u200b'] };
    const res = await upload(
      app,
      owner,
      `/api/projects/${project.id}/imports?mode=commit`,
      [{ name: 'pubmed.csv', content: csv }],
      { mapping: JSON.stringify(mapping) },
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe(
      'CSV file pubmed.csv, line 1: column 2 (header U+200B) has no visible character in its header, so it cannot become a study attribute: give the column a name in the file, or leave it unmapped',
    );
    const studies = (await owner.request('GET', `/api/projects/${project.id}/studies`)).json();
    expect(studies).toHaveLength(1);
  });

  it('leaves such a column out of the guessed mapping: the studies import without it', async () => {
    const { project } = await createProjectWithStudy(owner);
    const url = `/api/projects/${project.id}/imports`;
    const preview = await upload(app, owner, `${url}?mode=preview`, [
      { name: 'p.csv', content: csv },
    ]);
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json().csv.mapping.attributes).toEqual([]);
    // The preview says why the column was left out.
    expect(
      preview
        .json()
        .warnings.map((w: { message: string }) => w.message)
        .join('\n'),
    ).toMatch(/column 2 \(header U\+200B\)/);
    const res = await upload(app, owner, `${url}?mode=commit`, [{ name: 'p.csv', content: csv }]);
    expect(res.json()).toMatchObject({ created: 2 });
    const attributes = (
      await owner.request('GET', `/api/projects/${project.id}/attributes`)
    ).json();
    expect(attributes).toEqual([]);
  });

  it('skips a REFI-QDA variable with such a name, saying so, and imports the rest', async () => {
    const variable = (guid: string, name: string) =>
      `<Variable guid="${guid}" name="${name}" typeOfVariable="Text"/>`;
    const value = (guid: string, text: string) =>
      `<VariableValue><VariableRef targetGUID="${guid}"/><TextValue>${text}</TextValue></VariableValue>`;
    const [hidden, site] = [
      'aaaaaaaa-0000-4000-8000-000000000001',
      'aaaaaaaa-0000-4000-8000-000000000002',
    ];
    const source = 'aaaaaaaa-0000-4000-8000-000000000003';
    const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Variables" origin="Some tool">
<Variables>${variable(hidden, '&#x200B;&#x200D;')}${variable(site, 'site')}</Variables>
<Sources><TextSource guid="${source}" name="Interview">${value(hidden, 'x')}${value(site, 'Oslo')}</TextSource></Sources>
</Project>`;
    const res = await upload(app, owner, '/api/projects/from-qdpx?mode=preview', [
      { name: 'variables.qde', content: qde },
    ]);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().skipped).toContainEqual({
      what: 'Variable U+200B U+200D',
      why: 'its name has no visible character, so it cannot name a study attribute; its values are left out',
    });
  });
});

const EMPTY_MAPPING = {
  title: null,
  abstract: null,
  authors: null,
  year: null,
  doi: null,
  pmid: null,
  journal: null,
  attributes: [],
};

/** One line of a comma-separated file, quotes undone (enough for these two columns). */
function parseLine(line: string): string[] {
  return [...line.trim().matchAll(/"((?:[^"]|"")*)"|([^,]*)/g)]
    .filter((m) => m.index === 0 || line[m.index - 1] === ',')
    .map((m) => (m[1] ?? m[2] ?? '').replace(/""/g, '"'));
}
const quote = (cell: string | undefined) => `"${(cell ?? '').replace(/"/g, '""')}"`;
