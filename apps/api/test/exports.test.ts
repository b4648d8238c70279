import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import Papa from 'papaparse';
import { Value } from 'typebox/value';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebAnnotationCollectionSchema } from '@kodbok/contracts';
import { createRepositories, openDatabase } from '@kodbok/db';
import type { App } from '../src/app';
import { createExportService } from '../src/services/export.service';
import {
  addMember,
  createCode,
  createHighlight,
  createUser,
  SAME_ORIGIN,
  setupOwner,
  startApp,
  type Client,
} from './helper';

/** Swedish and Norwegian names, curly quotes, CJK and an emoji outside the BMP. */
const GRIM =
  'Åkerblom i Tromsø: managers were “predominantly positive” 😀 about peer support, 漢字 and all, but worried about role clarity.';
const WALL =
  '=HYPERLINK("http://evil.example","click") was typed by a participant. Supervision was rare.';

let app: App;
let owner: Client;
let cora: Client;
// The database file is known, so a test can build a service of its own on it (a small report limit).
const dbDir = mkdtempSync(path.join(tmpdir(), 'kodbok-exports-'));
const databaseFile = path.join(dbDir, 'kodbok.sqlite');
afterAll(() => rmSync(dbDir, { recursive: true, force: true }));

beforeAll(async () => {
  app = await startApp({ config: { databaseFile } });
  owner = await setupOwner(app, 'Åsa Owner');
  cora = await createUser(app, owner, 'Cora Coder');
});

/**
 * A project "Stöd på jobbet" with two studies (Grim 2022, Sweden; Wall 2023, Norway), a theme
 * with two codes and a second theme; the owner and Cora coded, one passage is in the consensus.
 */
async function arrange() {
  const project = (
    await owner.request('POST', '/api/projects', { name: `Stöd på jobbet ${Math.random()}` })
  ).json();
  const base = `/api/projects/${project.id}`;
  const grim = (
    await owner.request('POST', `${base}/studies`, {
      title: 'Managing peer support workers',
      text: GRIM,
      authors: ['Grim, Katarina', 'Bergmark, Magnus', 'Åkerblom, Anna'],
      year: 2022,
      doi: '10.1000/grim',
      attributes: { country: 'Sweden' },
    })
  ).json();
  const wall = (
    await owner.request('POST', `${base}/studies`, {
      title: 'Peer workers in Norway',
      text: WALL,
      authors: ['Wall, Åse'],
      year: 2023,
      attributes: { country: 'Norway' },
    })
  ).json();
  await addMember(owner, project.id, cora, 'coder');
  const theme = await createCode(owner, project.id, 'Role and identity');
  const clarity = await createCode(owner, project.id, 'Role clarity', { parentId: theme.id });
  const attitudes = await createCode(owner, project.id, 'Attitudes', { parentId: theme.id });
  const org = await createCode(owner, project.id, 'Organisation');
  const grimDoc = grim.documents[0].id as string;
  const wallDoc = wall.documents[0].id as string;
  const h = {
    tromso: await createHighlight(
      owner,
      grimDoc,
      'Åkerblom i Tromsø',
      [clarity.id],
      'Memo: återhämtning 😀 漢字',
    ),
    positive: await createHighlight(owner, grimDoc, '“predominantly positive” 😀', [
      attitudes.id,
      clarity.id,
    ]),
    formula: await createHighlight(
      owner,
      wallDoc,
      '=HYPERLINK("http://evil.example","click")',
      [org.id],
      '@SUM(1+1)',
    ),
    cora: await createHighlight(cora, grimDoc, 'role clarity', [clarity.id]),
  };
  const start = GRIM.indexOf('peer support');
  const consensus = await owner.request('POST', `/api/documents/${grimDoc}/highlights`, {
    start,
    end: start + 'peer support'.length,
    quote: 'peer support',
    codeIds: [theme.id],
    consensus: true,
  });
  expect(consensus.statusCode).toBe(201);
  return { project, base, grim, wall, grimDoc, codes: { theme, clarity, attitudes, org }, h };
}
type Arranged = Awaited<ReturnType<typeof arrange>>;

/** GET as `client`, the raw bytes kept (XLSX and DOCX are zips). */
async function download(client: Client, url: string) {
  const res = await app.inject({
    method: 'GET',
    url,
    headers: { cookie: client.cookie, ...SAME_ORIGIN },
  });
  return {
    status: res.statusCode,
    headers: res.headers,
    bytes: res.rawPayload,
    text: res.body,
    json: () => res.json(),
  };
}

const parseCsv = (text: string) => {
  expect(text.startsWith('\uFEFF')).toBe(true);
  const parsed = Papa.parse<Record<string, string>>(text.slice(1), {
    header: true,
    newline: '\r\n',
    skipEmptyLines: true,
  });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
};

const readWorkbook = async (bytes: Buffer) => {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book;
};
const sheetRows = (sheet: ExcelJS.Worksheet) => {
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
};
const documentXml = (bytes: Buffer) => {
  const files = unzipSync(new Uint8Array(bytes));
  expect(Object.keys(files)).toContain('word/document.xml');
  return strFromU8(files['word/document.xml']!);
};
/** The text of a Word document: its runs, without the markup. */
const docxText = (bytes: Buffer) =>
  [...documentXml(bytes).matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) => m[1]!)
    .join('')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'");

describe('GET /api/projects/:projectId/exports/excerpts.csv', () => {
  let p: Arranged;
  beforeAll(async () => {
    p = await arrange();
  });

  it('is UTF-8 CSV with a BOM and CRLF, one row per (highlight, code), named for the project and the day', async () => {
    const res = await download(owner, `${p.base}/exports/excerpts.csv`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    const day = new Date().toISOString().slice(0, 10);
    expect(res.headers['content-disposition']).toMatch(
      new RegExp(
        `^attachment; filename="Stod-pa-jobbet-[0-9-]+-excerpts-${day}\\.csv"; filename\\*=UTF-8''St%C3%B6d%20p%C3%A5%20jobbet`,
      ),
    );
    expect(res.text.split('\r\n')[0]).toBe(
      '\uFEFFstudy,authors,year,title,doi,document,code,coder,excerpt,start,end,memo,created',
    );
    const rows = parseCsv(res.text);
    // Four coders' highlights (not the consensus); the two-code one gives two rows.
    expect(rows).toHaveLength(5);
    const tromso = rows.find((r) => r.excerpt === 'Åkerblom i Tromsø')!;
    expect(tromso).toMatchObject({
      study: 'Grim 2022',
      authors: 'Grim, Katarina; Bergmark, Magnus; Åkerblom, Anna',
      year: '2022',
      title: 'Managing peer support workers',
      doi: '10.1000/grim',
      document: 'text',
      code: 'Role and identity › Role clarity',
      coder: 'Åsa Owner',
      start: '0',
      end: '17',
      memo: 'Memo: återhämtning 😀 漢字',
    });
    expect(
      rows.filter((r) => r.excerpt === '“predominantly positive” 😀').map((r) => r.code),
    ).toEqual(['Role and identity › Role clarity', 'Role and identity › Attitudes']);
    const emoji = rows.find((r) => r.excerpt?.includes('😀'))!;
    expect(GRIM.slice(Number(emoji.start), Number(emoji.end))).toBe(emoji.excerpt);
  });

  it('neutralises text a spreadsheet would run as a formula', async () => {
    const rows = parseCsv((await download(owner, `${p.base}/exports/excerpts.csv`)).text);
    const formula = rows.find((r) => r.study === 'Wall 2023')!;
    expect(formula.excerpt).toBe(`'=HYPERLINK("http://evil.example","click")`);
    expect(formula.memo).toBe(`'@SUM(1+1)`);
  });

  it('honours the filters: one coder, the consensus, a theme with its codes, attributes', async () => {
    const excerpts = async (query: string) =>
      parseCsv((await download(owner, `${p.base}/exports/excerpts.csv?${query}`)).text).map(
        (r) => `${r.excerpt} | ${r.code} | ${r.coder}`,
      );
    expect(await excerpts(`coders=${cora.user.id}`)).toEqual([
      'role clarity | Role and identity › Role clarity | Cora Coder',
    ]);
    expect(await excerpts('coders=consensus')).toEqual([
      'peer support | Role and identity | Consensus',
    ]);
    expect(await excerpts(`codes=${p.codes.theme.id}&coders=${owner.user.id}`)).toEqual([
      'Åkerblom i Tromsø | Role and identity › Role clarity | Åsa Owner',
      '“predominantly positive” 😀 | Role and identity › Role clarity | Åsa Owner',
      '“predominantly positive” 😀 | Role and identity › Attitudes | Åsa Owner',
    ]);
    expect(await excerpts('attr=country=Norway')).toEqual([
      `'=HYPERLINK("http://evil.example","click") | Organisation | Åsa Owner`,
    ]);
    expect(await excerpts(`codes=${p.codes.attitudes.id}`)).toEqual([
      '“predominantly positive” 😀 | Role and identity › Attitudes | Åsa Owner',
    ]);
  });
});

describe('GET /api/projects/:projectId/exports/excerpts.xlsx', () => {
  let p: Arranged;
  beforeAll(async () => {
    p = await arrange();
  });

  it('is a workbook with a frozen, filtered header row, column widths and the rows', async () => {
    const res = await download(owner, `${p.base}/exports/excerpts.xlsx`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const book = await readWorkbook(res.bytes);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Excerpts', 'About']);
    const sheet = book.getWorksheet('Excerpts')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBe('A1:M6');
    expect(sheet.getColumn(9).width).toBe(80);
    const rows = sheetRows(sheet);
    expect(rows[0]).toEqual([
      'study',
      'authors',
      'year',
      'title',
      'doi',
      'document',
      'code',
      'coder',
      'excerpt',
      'start',
      'end',
      'memo',
      'created',
    ]);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    const tromso = rows.find((r) => r[8] === 'Åkerblom i Tromsø')!;
    expect(tromso.slice(0, 12)).toEqual([
      'Grim 2022',
      'Grim, Katarina; Bergmark, Magnus; Åkerblom, Anna',
      2022,
      'Managing peer support workers',
      '10.1000/grim',
      'text',
      'Role and identity › Role clarity',
      'Åsa Owner',
      'Åkerblom i Tromsø',
      0,
      17,
      'Memo: återhämtning 😀 漢字',
    ]);
    const formula = rows.find((r) => r[0] === 'Wall 2023')!;
    expect([formula[8], formula[11]]).toEqual([
      `'=HYPERLINK("http://evil.example","click")`,
      `'@SUM(1+1)`,
    ]);
    // No cell of the file is a formula.
    sheet.eachRow((row) => row.eachCell((c) => expect(c.type).not.toBe(ExcelJS.ValueType.Formula)));
    const about = sheetRows(book.getWorksheet('About')!).map((r) => r[0]);
    expect(about).toContain('Coding: all coders (not the consensus)');
  });

  it('puts each theme on a sheet of its own with sheets=theme', async () => {
    const book = await readWorkbook(
      (await download(owner, `${p.base}/exports/excerpts.xlsx?sheets=theme`)).bytes,
    );
    expect(book.worksheets.map((s) => s.name)).toEqual([
      'Role and identity',
      'Organisation',
      'About',
    ]);
    expect(sheetRows(book.getWorksheet('Organisation')!).map((r) => r[6])).toEqual([
      'code',
      'Organisation',
    ]);
    expect(sheetRows(book.getWorksheet('Role and identity')!)).toHaveLength(5);
  });
});

describe('excerpt reports: Markdown, HTML and Word', () => {
  let p: Arranged;
  beforeAll(async () => {
    p = await arrange();
  });

  it('writes Markdown theme → code → excerpts with citations and memos, text escaped', async () => {
    const res = await download(owner, `${p.base}/exports/excerpts.md?coders=${owner.user.id}`);
    expect(res.headers['content-type']).toBe('text/markdown; charset=utf-8');
    const md = res.text;
    expect(md).toMatch(/^# Coded excerpts: Stöd på jobbet/);
    expect(md).toContain(
      '## Role and identity\n\n### Role clarity\n\n> Åkerblom i Tromsø\n\n— (Grim et al. 2022), text, coded by Åsa Owner',
    );
    expect(md).toContain('**Memo:** Memo: återhämtning 😀 漢字');
    expect(md).toContain('> \\=HYPERLINK("http://evil.example","click")');
    expect(md.indexOf('## Role and identity')).toBeLessThan(md.indexOf('## Organisation'));
  });

  it('writes a self-contained HTML page without scripts', async () => {
    const html = (await download(owner, `${p.base}/exports/excerpts.html`)).text;
    expect(html).toContain('<h2>Role and identity</h2>');
    expect(html).toContain('<blockquote><p>“predominantly positive” 😀</p></blockquote>');
    expect(html).toContain('&quot;http://evil.example&quot;');
    expect(html).not.toMatch(/<script|<a /);
  });

  it('writes a Word document whose text holds the headings, quotes, citations and memos', async () => {
    const res = await download(owner, `${p.base}/exports/excerpts.docx`);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    const xml = documentXml(res.bytes);
    expect(xml).toContain('w:val="Heading1"');
    const text = docxText(res.bytes);
    expect(text).toContain('Role and identity');
    expect(text).toContain('Åkerblom i Tromsø— (Grim et al. 2022), text, coded by Åsa Owner');
    expect(text).toContain('Memo: återhämtning 😀 漢字');
  });

  it('refuses sheets for a format that has none, and an unknown format', async () => {
    const sheets = await download(owner, `${p.base}/exports/excerpts.md?sheets=theme`);
    expect([sheets.status, sheets.json().message]).toEqual([400, 'sheets applies to xlsx only']);
    const pdf = await download(owner, `${p.base}/exports/excerpts.pdf`);
    expect(pdf.status).toBe(400);
    expect(pdf.json().message).toMatch(
      /params\/format must be one of: csv, xlsx, md, html, docx, json/,
    );
  });
});

describe('GET /api/projects/:projectId/exports/excerpts.json', () => {
  it('is an AnnotationCollection of Web Annotations with quote and code-point position selectors', async () => {
    const p = await arrange();
    const res = await download(owner, `${p.base}/exports/excerpts.json`);
    expect(res.headers['content-type']).toBe('application/ld+json; charset=utf-8');
    const collection = res.json();
    expect(Value.Errors(WebAnnotationCollectionSchema, collection)).toEqual([]);
    expect(collection.total).toBe(4);
    const items = collection.first.items as Array<any>;
    expect(items).toHaveLength(4);
    const positive = items.find(
      (a) => a.target.selector[0].exact === '“predominantly positive” 😀',
    );
    expect(
      positive.body.filter((b: any) => b.purpose === 'tagging').map((b: any) => b.value),
    ).toEqual(['Role and identity › Role clarity', 'Role and identity › Attitudes']);
    expect(positive.creator).toEqual({
      id: `urn:kodbok:user:${owner.user.id}`,
      type: 'Person',
      name: 'Åsa Owner',
    });
    // Positions count code points: after the emoji they are one less than UTF-16 offsets.
    const cora = items.find((a) => a.target.selector[0].exact === 'role clarity');
    const { start, end } = cora.target.selector[1];
    expect([...GRIM].slice(start, end).join('')).toBe('role clarity');
    expect(start).toBe(GRIM.indexOf('role clarity') - 1);
    // The quote selector carries the text around the excerpt (other formats do not read it).
    const at = GRIM.indexOf('role clarity');
    const { prefix, suffix } = cora.target.selector[0];
    expect([prefix.length > 0, suffix.length > 0]).toEqual([true, true]);
    expect(GRIM.slice(at - prefix.length, at)).toBe(prefix);
    expect(GRIM.slice(at + 'role clarity'.length).startsWith(suffix)).toBe(true);
    const memo = items.find((a) => a.target.selector[0].exact === 'Åkerblom i Tromsø');
    expect(memo.body).toContainEqual({
      type: 'TextualBody',
      purpose: 'commenting',
      value: 'Memo: återhämtning 😀 漢字',
      format: 'text/plain',
    });
  });
});

describe('the synthesis table: matrix and presence', () => {
  let p: Arranged;
  beforeAll(async () => {
    p = await arrange();
  });

  it('writes the theme × study matrix as CSV, counts or ticks, rolled up', async () => {
    const counts = Papa.parse<string[]>(
      (await download(owner, `${p.base}/exports/matrix.csv`)).text.slice(1),
      {
        newline: '\r\n',
        skipEmptyLines: true,
      },
    ).data;
    expect(counts).toEqual([
      ['code', 'Grim 2022', 'Wall 2023'],
      ['Role and identity', '3', '0'],
      ['Role and identity › Role clarity', '3', '0'],
      ['Role and identity › Attitudes', '1', '0'],
      ['Organisation', '0', '1'],
    ]);
    const ticks = (
      await download(owner, `${p.base}/exports/matrix.csv?cells=ticks&coders=consensus`)
    ).text;
    expect(ticks).toBe(
      '\uFEFFcode,Grim 2022,Wall 2023\r\nRole and identity,✓,\r\nRole and identity › Role clarity,,\r\nRole and identity › Attitudes,,\r\nOrganisation,,\r\n',
    );
  });

  it('writes the matrix as a workbook and as a Markdown table', async () => {
    const book = await readWorkbook((await download(owner, `${p.base}/exports/matrix.xlsx`)).bytes);
    const sheet = book.worksheets[0]!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 1 });
    expect(sheetRows(sheet)[1]).toEqual(['Role and identity', 3, 0]);
    expect(sheet.getRow(2).font?.bold).toBe(true);
    const md = (await download(owner, `${p.base}/exports/matrix.md?cells=ticks`)).text;
    expect(md).toContain(
      '| code | Grim 2022 | Wall 2023 |\n| --- | --- | --- |\n| Role and identity | ✓ |  |',
    );
  });

  it('writes the tidy presence table: a row per study × code with attributes as columns', async () => {
    const rows = parseCsv((await download(owner, `${p.base}/exports/presence.csv`)).text);
    expect(rows).toHaveLength(8);
    expect(rows.find((r) => r.study === 'Wall 2023' && r.code === 'Organisation')).toMatchObject({
      country: 'Norway',
      theme: 'Organisation',
      level: '1',
      present: '1',
      highlights: '1',
    });
    expect(
      rows.find((r) => r.study === 'Grim 2022' && r.code === 'Role and identity › Attitudes'),
    ).toMatchObject({
      country: 'Sweden',
      level: '2',
      present: '1',
      highlights: '1',
    });
    expect(rows.find((r) => r.study === 'Grim 2022' && r.code === 'Organisation')).toMatchObject({
      present: '0',
      highlights: '0',
    });
  });
});

describe('the codebook and memos', () => {
  let p: Arranged;
  beforeAll(async () => {
    p = await arrange();
    await owner.request('PATCH', `/api/codes/${p.codes.clarity.id}`, {
      description: 'Knowing one’s tasks — “tydlighet”',
      keywords: ['roll', 'tydlighet'],
    });
  });

  it('writes the codebook as CSV and as nested JSON', async () => {
    const rows = parseCsv((await download(owner, `${p.base}/exports/codebook.csv`)).text);
    expect(rows.map((r) => r.path)).toEqual([
      'Role and identity',
      'Role and identity › Role clarity',
      'Role and identity › Attitudes',
      'Organisation',
    ]);
    expect(rows[1]).toMatchObject({
      level: '2',
      description: 'Knowing one’s tasks — “tydlighet”',
      keywords: 'roll; tydlighet',
      parent_id: p.codes.theme.id,
    });
    expect(rows[1]!.color).toMatch(/^#[0-9a-f]{6}$/i);
    const json = (await download(owner, `${p.base}/exports/codebook.json`)).json();
    expect(json.codes.map((c: any) => [c.name, c.children.map((k: any) => k.name)])).toEqual([
      ['Role and identity', ['Role clarity', 'Attitudes']],
      ['Organisation', []],
    ]);
  });

  it('writes the codebook as Word for an appendix, with examples from the coding', async () => {
    const text = docxText(
      (await download(owner, `${p.base}/exports/codebook.docx?examples=2&coders=${cora.user.id}`))
        .bytes,
    );
    expect(text).toContain('Role clarity');
    expect(text).toContain('Knowing one’s tasks — “tydlighet”');
    expect(text).toContain('Keywords: roll, tydlighet');
    expect(text).toContain('role clarity— (Grim et al. 2022)');
    expect(text).not.toContain('Åkerblom i Tromsø');
  });

  it('writes memos grouped by what they belong to, as Markdown and Word', async () => {
    const memos = `${p.base}/memos`;
    const grimDoc = p.grim.documents[0].id as string;
    await owner.request('PUT', memos, { on: 'project', text: 'Synthesis plan: två teman' });
    await owner.request('PUT', memos, {
      on: 'study',
      id: p.grim.id,
      text: 'Grim: strong on roles',
    });
    await owner.request('PUT', memos, { on: 'document', id: grimDoc, text: 'Abstract is thin' });
    await cora.request('PUT', memos, { on: 'code', id: p.codes.clarity.id, text: 'Cora: merge?' });
    const md = (await download(owner, `${p.base}/exports/memos.md`)).text;
    expect(md).toContain('## Project memos\n\nSynthesis plan: två teman\n\n— Åsa Owner, ');
    expect(md).toContain(
      '### Role and identity › Role clarity\n\n**Description:** Knowing one’s tasks — “tydlighet”\n\nCora: merge?\n\n— Cora Coder, ',
    );
    expect(md).toMatch(
      /### Grim 2022: Managing peer support workers\n\nGrim: strong on roles\n\n— Åsa Owner, \d{4}-\d\d-\d\d\n\n#### Memo on the text\n\nAbstract is thin\n\n— Åsa Owner, [-\d]+\n\n#### Role and identity › Role clarity\n\n> Åkerblom i Tromsø\n\nMemo: återhämtning 😀 漢字/,
    );
    expect(md).toContain(
      '### Wall 2023: Peer workers in Norway\n\n#### Organisation\n\n> \\=HYPERLINK',
    );
    // A study filter keeps that study's memos only; the project's and the codes' stay.
    const norway = (await download(owner, `${p.base}/exports/memos.md?attr=country=Norway`)).text;
    expect(norway).not.toContain('Grim: strong on roles');
    expect(norway).not.toContain('Abstract is thin');
    expect(norway).toContain('Synthesis plan');
    const text = docxText((await download(owner, `${p.base}/exports/memos.docx`)).bytes);
    for (const part of ['Project memos', 'Synthesis plan: två teman', 'Memo on the text'])
      expect(text).toContain(part);
    expect(text).toContain('Memo: återhämtning 😀 漢字');
    // A coder working blind sees their own and the owner's memos, not another coder's.
    await owner.request('PATCH', p.base, { independentCoding: true });
    const blind = (await download(cora, `${p.base}/exports/memos.md`)).text;
    expect(blind).toContain('Cora: merge?');
    expect(blind).toContain('Synthesis plan');
    await owner.request('PATCH', p.base, { independentCoding: false });
  });
});

describe('exports: who may export what', () => {
  it('answers 404 to a non-member for every export', async () => {
    const p = await arrange();
    const stranger = await createUser(app, owner, 'Stranger');
    for (const file of [
      'excerpts.csv',
      'excerpts.xlsx',
      'excerpts.json',
      'matrix.csv',
      'presence.csv',
      'codebook.csv',
      'memos.md',
    ]) {
      const res = await download(stranger, `${p.base}/exports/${file}`);
      expect([file, res.status, res.json().message]).toEqual([file, 404, 'Project not found']);
    }
  });

  it('gives a coder only their own coding when coding is blind, and refuses another coder', async () => {
    const p = await arrange();
    await owner.request('PATCH', p.base, { independentCoding: true });
    const rows = parseCsv((await download(cora, `${p.base}/exports/excerpts.csv`)).text);
    expect(rows.map((r) => [r.excerpt, r.coder])).toEqual([['role clarity', 'Cora Coder']]);
    const json = (await download(cora, `${p.base}/exports/excerpts.json`)).json();
    expect(json.first.items.map((a: any) => a.creator.name)).toEqual(['Cora Coder']);
    const memos = (await download(cora, `${p.base}/exports/memos.md`)).text;
    expect(memos).not.toContain('återhämtning');
    const matrix = (await download(cora, `${p.base}/exports/matrix.csv`)).text;
    expect(matrix).toContain('Role and identity › Role clarity,1,0');
    const refused = await download(cora, `${p.base}/exports/excerpts.csv?coders=${owner.user.id}`);
    expect(refused.status).toBe(403);
    expect(refused.json().message).toMatch(/work independently/);
  });

  it.each([
    ['excerpts.csv?coders=nobody', /"nobody" is not a member/],
    ['excerpts.csv?codes=nope', /"nope" is not a code of this project/],
    ['excerpts.csv?colour=red', /unknown property "colour"/],
    ['excerpts.xlsx?sheets=all', /querystring\/sheets must be one of: one, theme/],
    ['excerpts.xlsx?sheets=theme&codeMatch=all', /cannot be combined/],
    ['excerpts.csv?q=%22%2A%22', /q must contain at least one letter or digit/],
    ['matrix.csv?cells=numbers', /querystring\/cells must be one of: counts, ticks/],
    ['presence.xlsx', /params\/format must be one of: csv/],
    ['codebook.docx?examples=9', /querystring\/examples must be <= 3/],
    ['memos.md?downloadToken=a%20b', /querystring\/downloadToken must match pattern/],
  ])('GET %s answers 400 with a precise message', async (path, message) => {
    const p = await arrange();
    const res = await download(owner, `${p.base}/exports/${path}`);
    expect(res.status).toBe(400);
    expect(res.json().message).toMatch(message);
  });

  it('sets the download cookie the web page waits for', async () => {
    const p = await arrange();
    const res = await download(owner, `${p.base}/exports/codebook.csv?downloadToken=abc_123`);
    expect(String(res.headers['set-cookie'])).toMatch(
      /^kodbok_download=abc_123; Max-Age=60; Path=\/; SameSite=Strict/,
    );
  });
});

describe('report size', () => {
  it('refuses a report past the limit, saying what to do instead, and reads no further', async () => {
    const p = await arrange();
    const db = openDatabase(databaseFile);
    const service = createExportService(createRepositories(db), { reportLimit: 2 });
    const me = { ...owner.user, isInstanceOwner: true };
    try {
      await expect(service.excerpts(me, p.project.id, 'md', {})).rejects.toThrow(
        'More than 2 excerpts are too many for a report: choose codes, coders or studies, or export CSV or XLSX',
      );
      await expect(service.memos(me, p.project.id, 'md', {})).resolves.toMatchObject({
        format: 'md',
      });
      const small = await service.excerpts(me, p.project.id, 'md', { coders: cora.user.id });
      expect(small.body).toContain('> role clarity');
    } finally {
      db.$client.close();
    }
  });
});

describe('GET /api/openapi.json', () => {
  it('documents every export with its formats', async () => {
    const paths = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json().paths;
    const excerpts = paths['/api/projects/{projectId}/exports/excerpts.{format}'].get;
    const format = excerpts.parameters.find((p: any) => p.name === 'format');
    expect(format.schema.enum).toEqual(['csv', 'xlsx', 'md', 'html', 'docx', 'json']);
    for (const what of ['matrix', 'presence', 'codebook', 'memos'])
      expect(paths).toHaveProperty([`/api/projects/{projectId}/exports/${what}.{format}`]);
  });
});
