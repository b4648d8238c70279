import { describe, expect, it } from 'vitest';
import Type, { type TSchema } from 'typebox';
import { Value } from 'typebox/value';
import {
  AgreementGridSchema,
  AgreementSchema,
  CooccurrenceSchema,
  CrosstabSchema,
  ExcerptsSchema,
  FrequenciesSchema,
  MatrixSchema,
  StudySchema,
} from '@kodbok/contracts';
import {
  addMember,
  createHighlight,
  createProjectWithStudy,
  createUser,
  setupOwner,
  startApp,
} from './helper';

const app = await startApp();
const owner = await setupOwner(app);
const TEXT =
  'Åkerblom i Tromsø: managers were “predominantly positive” about peer support 👩🏽‍⚕️ but worried about role clarity.';

async function codedProject() {
  const { project, study, documentId, code } = await createProjectWithStudy(owner, TEXT);
  await createHighlight(owner, documentId, 'Åkerblom i Tromsø', [code.id]);
  const memo = 'Supervisors mentioned återhämtning';
  await createHighlight(owner, documentId, 'peer support 👩🏽‍⚕️', [code.id], memo);
  await createHighlight(owner, documentId, 'role clarity', [code.id]);
  return { project, study, documentId, code, base: `/api/projects/${project.id}` };
}

describe('analysis endpoints: access', () => {
  it('answers 404 to a non-member and 200 to a viewer', async () => {
    const { project, base } = await codedProject();
    const other = await createUser(app, owner, 'Viewer');
    const paths = [
      'frequencies',
      'matrix',
      'crosstab?attribute=country',
      'cooccurrence',
      'excerpts',
    ];
    for (const path of paths)
      expect((await other.request('GET', `${base}/${path}`)).statusCode).toBe(404);
    await addMember(owner, project.id, other, 'viewer');
    for (const path of paths)
      expect((await other.request('GET', `${base}/${path}`)).statusCode).toBe(200);
  });
});

describe('analysis endpoints: answers written in the read worker', () => {
  it('hold to their contract schemas, as JSON, like the answers the server serialises', async () => {
    const { project, study, documentId, code, base } = await codedProject();
    await owner.request('PATCH', `/api/studies/${study.id}`, {
      attributes: { country: 'Sverige' },
    });
    // Agreement compares two coders.
    const coder = await createUser(app, owner, 'Second coder');
    await addMember(owner, project.id, coder, 'coder');
    await createHighlight(coder, documentId, 'role clarity', [code.id]);
    const coders = `coders=${owner.user.id}`;
    const views: Array<[string, TSchema]> = [
      [`frequencies?${coders},${owner.user.id}&codes=${code.id}`, FrequenciesSchema],
      ['frequencies?attr=country=Sverige', FrequenciesSchema],
      ['matrix?limit=5', MatrixSchema],
      ['crosstab?attribute=country', CrosstabSchema],
      ['cooccurrence?mode=overlap', CooccurrenceSchema],
      ['excerpts?q=tromso', ExcerptsSchema],
      ['studies', Type.Array(StudySchema)],
      [`agreement?coders=${owner.user.id},${coder.user.id}`, AgreementSchema],
      [`agreement/grid?coders=${owner.user.id},${coder.user.id}`, AgreementGridSchema],
    ];
    for (const [path, schema] of views) {
      const res = await owner.request('GET', `${base}/${path}`);
      expect(res.statusCode, path).toBe(200);
      expect(res.headers['content-type'], path).toMatch(/^application\/json; charset=utf-8/);
      const answer = res.json();
      expect([...Value.Errors(schema, answer)], path).toEqual([]);
    }
    const found = (await owner.request('GET', `${base}/excerpts?q=tromso`)).json();
    expect(found.items.map((e: { quote: string }) => e.quote)).toEqual(['Åkerblom i Tromsø']);
  });
});

describe('analysis endpoints: validation', () => {
  it.each([
    ['frequencies?coders=nobody', /"nobody" is not a member/],
    ['frequencies?codes=nope', /"nope" is not a code of this project/],
    ['frequencies?codes=%20', /codes must list at least one id/],
    ['excerpts?studies=elsewhere', /"elsewhere" is not a study of this project/],
    ['frequencies?attr=country', /querystring\/attr\/0 must match pattern/],
    ['frequencies?colour=red', /unknown property "colour"/],
    ['crosstab', /querystring\/attribute is required/],
    ['cooccurrence?mode=sometimes', /querystring\/mode/],
    ['matrix?limit=0', /querystring\/limit must be >= 1/],
    ['excerpts?limit=1000', /querystring\/limit must be <= 200/],
    ['excerpts?cursor=garbage', /cursor is not a nextCursor/],
    ['excerpts?q=%22%2A%22', /q must contain at least one letter or digit/],
    ['search?q=', /querystring\/q/],
  ])('GET %s answers 400 with a precise message', async (path, message) => {
    const { base } = await codedProject();
    const res = await owner.request('GET', `${base}/${path}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(message);
  });
});

describe('GET /api/projects/:projectId/excerpts', () => {
  it('pages through every excerpt with nextCursor, with citation and context', async () => {
    const { base, study, code } = await codedProject();
    await owner.request('PATCH', `/api/studies/${study.id}`, { authors: ['Grim, K.'], year: 2022 });
    const seen: string[] = [];
    let cursor = '';
    for (let page = 0; page < 5; page++) {
      const res = (await owner.request('GET', `${base}/excerpts?limit=2${cursor}`)).json();
      expect(res.total).toBe(3);
      seen.push(...res.items.map((i: any) => i.quote));
      if (!res.nextCursor) break;
      cursor = `&cursor=${res.nextCursor}`;
    }
    expect(seen).toEqual(['Åkerblom i Tromsø', 'peer support 👩🏽‍⚕️', 'role clarity']);
    const first = (await owner.request('GET', `${base}/excerpts?codes=${code.id}&limit=1`)).json()
      .items[0];
    expect(first).toMatchObject({ firstAuthor: 'Grim', year: 2022, codeIds: [code.id] });
    expect(first.suffix.startsWith(': managers')).toBe(true);
  });

  it('finds words in quotes and memos, accents folded, and marks them by offset', async () => {
    const { base } = await codedProject();
    const tromso = (await owner.request('GET', `${base}/excerpts?q=akerblom%20TROMS`)).json();
    expect(tromso.items.map((i: any) => i.quote)).toEqual(['Åkerblom i Tromsø']);
    expect(tromso.items[0].matches).toEqual([
      { start: 0, end: 8 },
      { start: 11, end: 16 },
    ]);
    const memo = (await owner.request('GET', `${base}/excerpts?q=aterhamt`)).json();
    expect(memo.items.map((i: any) => i.quote)).toEqual(['peer support 👩🏽‍⚕️']);
    const none = (await owner.request('GET', `${base}/excerpts?q=stigma`)).json();
    expect(none).toEqual({ total: 0, nextCursor: null, items: [] });
  });

  it("counts a search's matches in its own project and among the chosen coders only", async () => {
    const a = await codedProject();
    await codedProject(); // the same words, highlighted in another project
    const searcher = await createUser(app, owner, 'Searcher');
    await addMember(owner, a.project.id, searcher, 'coder');
    await createHighlight(searcher, a.documentId, 'Tromsø', [a.code.id]);
    const search = async (coders = '') =>
      (await owner.request('GET', `${a.base}/excerpts?q=tromso${coders}`)).json();
    const all = await search();
    expect(all.total).toBe(2);
    expect(all.items.map((i: any) => i.quote).sort()).toEqual(['Tromsø', 'Åkerblom i Tromsø']);
    expect((await search(`&coders=${searcher.user.id}`)).total).toBe(1);
    expect((await search(`&coders=${owner.user.id},${searcher.user.id}`)).total).toBe(2);
  });

  it('finds ø typed as o, and o typed as ø', async () => {
    const { base } = await codedProject();
    for (const q of ['tromso', 'trømsø']) {
      const res = (
        await owner.request('GET', `${base}/excerpts?q=${encodeURIComponent(q)}`)
      ).json();
      expect(res.items.map((i: any) => i.quote)).toEqual(['Åkerblom i Tromsø']);
      expect(res.items[0].matches).toEqual([{ start: 11, end: 17 }]);
    }
  });
});

describe('GET /api/projects/:projectId/search', () => {
  it('finds documents and returns a snippet with the match offsets', async () => {
    const { base, documentId } = await codedProject();
    const res = (await owner.request('GET', `${base}/search?q=predominantly`)).json();
    expect(res.items).toHaveLength(1);
    const item = res.items[0];
    expect(item.documentId).toBe(documentId);
    const m = item.matches[0];
    expect(item.snippet.slice(m.start, m.end)).toBe('predominantly');
  });
});

describe('GET /api/openapi.json', () => {
  it('documents the analysis endpoints', async () => {
    const spec = (await owner.request('GET', '/api/openapi.json')).json();
    for (const path of ['frequencies', 'matrix', 'crosstab', 'cooccurrence', 'excerpts'])
      expect(spec.paths[`/api/projects/{projectId}/${path}`]?.get).toBeTruthy();
  });
});

describe('GET /api/projects/:projectId/matrix', () => {
  it('pages study columns in citation order, grouped by an attribute when asked', async () => {
    const project = (await owner.request('POST', '/api/projects', { name: 'Matrix' })).json();
    const base = `/api/projects/${project.id}`;
    const make = (title: string, author: string, year: number, country?: string) =>
      owner.request('POST', `${base}/studies`, {
        title,
        text: 'Peer support.',
        authors: [author],
        year,
        ...(country ? { attributes: { country } } : {}),
      });
    await make('C', 'Wall, A.', 2022, 'Sweden');
    await make('A', 'Åkerblom, B.', 2023, 'Norway');
    await make('B', 'Grim, K.', 2022, 'Sweden');
    await make('D', 'Gillard, S.', 2015);
    const first = (await owner.request('GET', `${base}/matrix?limit=2&groupBy=country`)).json();
    expect(first).toMatchObject({ totalStudies: 4, offset: 0, nextOffset: 2, groupBy: 'country' });
    expect(first.studies.map((s: any) => [s.group, s.title])).toEqual([
      ['Norway', 'A'],
      ['Sweden', 'B'],
    ]);
    const second = (
      await owner.request('GET', `${base}/matrix?limit=2&offset=2&groupBy=country`)
    ).json();
    expect(second.nextOffset).toBeNull();
    expect(second.studies.map((s: any) => [s.group, s.title])).toEqual([
      ['Sweden', 'C'],
      [null, 'D'],
    ]);
  });
});
