import { describe, expect, it } from 'vitest';
import { createRepositories, type AnalysisScope } from '@kodbok/db';
import {
  createCode,
  createProjectWithStudy,
  highlightWord,
  numberedWords,
  setupOwner,
  startAppWithDatabase,
} from './helper';

/*
 * Which excerpt pages the API thread answers itself and which go to the read worker (decision
 * 018): only pages that find their rows within a few thousand index entries, with a kept total.
 */

const { app, db } = await startAppWithDatabase();
const owner = await setupOwner(app);
const repos = createRepositories(db);

const WORDS = numberedWords(200);
const { project, documentId, code: dense } = await createProjectWithStudy(owner, WORDS.join(' '));
const sparse = await createCode(owner, project.id, 'Sparse');
const unused = await createCode(owner, project.id, 'Never applied');
const highlight = (i: number, codeId: string) => highlightWord(owner, documentId, i, codeId);
for (let i = 0; i < 199; i++) expect((await highlight(i, dense.id)).statusCode).toBe(201);
expect((await highlight(199, sparse.id)).statusCode).toBe(201);

const scope: AnalysisScope = {
  projectId: project.id,
  coderIds: null,
  studyAttributes: [],
  studyIds: null,
};
const query = (codeIds: string[] | null, more: Partial<AnalysisScope> = {}) => ({
  scope: { ...scope, ...more },
  codeIds,
  match: null,
  limit: 51,
  after: null,
});

describe('an excerpt page', () => {
  it('is answered on the API thread, with its kept total, when its excerpts are dense', () => {
    expect(repos.excerpts.quickTotal(query(null))).toBe(200);
    // 199 of 200: a page of 51 is found within the first 52 entries.
    expect(repos.excerpts.quickTotal(query([dense.id]))).toBe(199);
    expect(repos.excerpts.quickTotal(query([dense.id], { coderIds: [owner.user.id] }))).toBe(199);
  });

  it('goes to the read worker when it would read many entries or count its total', () => {
    // 1 of 200: finding a page could read 200 entries per excerpt.
    expect(repos.excerpts.quickTotal(query([sparse.id]))).toBeNull();
    expect(repos.excerpts.quickTotal(query([unused.id]))).toBeNull();
    // Totals that must be counted: a study filter, two coders, a search.
    expect(repos.excerpts.quickTotal(query([dense.id], { studyIds: [project.id] }))).toBeNull();
    expect(
      repos.excerpts.quickTotal(query([dense.id], { coderIds: [owner.user.id, 'someone-else'] })),
    ).toBeNull();
    expect(repos.excerpts.quickTotal({ ...query(null), match: 'w001' })).toBeNull();
  });

  it('answers the same wherever it runs, and an unused code with nothing at once', async () => {
    const page = async (codeId: string) =>
      (await owner.request('GET', `/api/projects/${project.id}/excerpts?codes=${codeId}`)).json();
    const many = await page(dense.id);
    expect(many.total).toBe(199);
    expect(many.items.map((e: { quote: string }) => e.quote)).toEqual(WORDS.slice(0, 50));
    const one = await page(sparse.id);
    expect(one).toMatchObject({ total: 1, nextCursor: null });
    expect(one.items.map((e: { quote: string }) => e.quote)).toEqual([WORDS[199]]);
    expect(await page(unused.id)).toEqual({ total: 0, nextCursor: null, items: [] });
  });
});

describe('a sparse selection', async () => {
  // 5 highlights of 120 carry both codes: found among the rare code's highlights, not by walking
  // the project's; paged two at a time, in document order as any page is.
  const {
    project: p,
    documentId: doc,
    code: common,
  } = await createProjectWithStudy(owner, WORDS.slice(0, 120).join(' '));
  const rare = await createCode(owner, p.id, 'Rare');
  const both = [7, 31, 58, 90, 111];
  for (let i = 0; i < 120; i++) {
    const res = await owner.request('POST', `/api/documents/${doc}/highlights`, {
      ...(await spanOf(i)),
      codeIds: both.includes(i) ? [common.id, rare.id] : [common.id],
    });
    expect(res.statusCode).toBe(201);
  }
  async function spanOf(i: number) {
    const text = WORDS.slice(0, 120).join(' ');
    const start = WORDS.slice(0, i).join(' ').length + (i > 0 ? 1 : 0);
    return {
      start,
      end: start + WORDS[i]!.length,
      quote: text.slice(start, start + WORDS[i]!.length),
    };
  }

  it('pages through every excerpt carrying both codes, in document order', async () => {
    const quotes: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const url: string = `/api/projects/${p.id}/excerpts?codes=${common.id},${rare.id}&codeMatch=all&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page: { total: number; items: Array<{ quote: string }>; nextCursor: string | null } = (
        await owner.request('GET', url)
      ).json();
      expect(page.total).toBe(5);
      quotes.push(...page.items.map((e) => e.quote));
      cursor = page.nextCursor;
    }
    expect(quotes).toEqual(both.map((i) => WORDS[i]));
  });
});
