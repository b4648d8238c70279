import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { overlapPairs } from '@kodbok/core';
import { createRepositories, type AnalysisScope } from '@kodbok/db';
import { addMember, createUser, setupOwner, startAppWithDatabase, type Client } from './helper';
import { requireWords } from '../src/services/excerpt.service';

/*
 * Counts equal a brute-force recomputation from the raw highlights, over random projects: random
 * code trees, overlapping highlights, two coders, sibling codes on one highlight, then edits
 * (recoding, deletes, moving a code) that the maintained tables must follow. The views the read
 * worker answers from its copy of the highlights are also compared with their SQL paths.
 */
const { app, db } = await startAppWithDatabase();
// The SQL paths, in process: the read worker answers from its copies (decisions 020, 025).
const repos = createRepositories(db);
const owner = await setupOwner(app);
const coder = await createUser(app, owner, 'Second coder');
const TEXT = 'Åkerblom i Tromsø: “peer support” 👩🏽‍⚕️ workers and managers shared roles.';

const projectArb = fc.record({
  parents: fc.array(fc.nat(), { minLength: 2, maxLength: 7 }),
  countries: fc.array(fc.constantFrom('Sweden', 'Norway', null), { minLength: 1, maxLength: 4 }),
  highlights: fc.array(
    fc.record({
      study: fc.nat(),
      byCoder: fc.boolean(),
      start: fc.nat({ max: 30 }),
      length: fc.integer({ min: 1, max: 20 }),
      codes: fc.uniqueArray(fc.nat(), { minLength: 1, maxLength: 3 }),
    }),
    { maxLength: 14 },
  ),
  edits: fc.array(
    fc.tuple(
      fc.constantFrom(
        'recode',
        'delete',
        'move',
        'deleteCode',
        'moveCodings',
        'merge',
        'dropStudy',
      ),
      fc.nat(),
      fc.nat(),
    ),
    {
      maxLength: 3,
    },
  ),
});

type Spec = typeof projectArb extends fc.Arbitrary<infer T> ? T : never;

describe('analysis counts', () => {
  it('equal a brute-force recomputation over random projects', async () => {
    await fc.assert(fc.asyncProperty(projectArb, checkProject), { numRuns: 25 });
  });
});

async function checkProject(spec: Spec) {
  const p = await buildProject(spec);
  // First in SQL alone: the unfiltered views read no copy of the counts, so the matrix's cells
  // come from SQL while the read worker holds none for the project (decision 022).
  await compare(p.projectId, await snapshot(p.projectId), new URLSearchParams());
  // Counted before the edits too: the read worker's copy of the counts is made here (read from
  // the tables) and must then follow the edits (from counts_log) to pass below; the matrix's
  // cells then come from that copy.
  const both = `${owner.user.id},${coder.user.id}`;
  const before = new URLSearchParams({ coders: both, attr: 'country=Sweden' });
  await compare(p.projectId, await snapshot(p.projectId), before, both.split(','), 'Sweden');
  await applyEdits(p, spec.edits);
  const truth = await snapshot(p.projectId);
  for (const coders of [undefined, owner.user.id, both]) {
    for (const attr of [undefined, 'country=Sweden']) {
      const query = new URLSearchParams();
      if (coders) query.set('coders', coders);
      if (attr) query.set('attr', attr);
      await compare(p.projectId, truth, query, coders?.split(','), attr ? 'Sweden' : undefined);
    }
  }
}

async function buildProject(spec: Spec) {
  const post = async (c: Client, url: string, body: object) => {
    const res = await c.request('POST', url, body);
    if (res.statusCode !== 201) throw new Error(`${url}: ${res.body}`);
    return res.json();
  };
  const project = await post(owner, '/api/projects', { name: 'Property' });
  await addMember(owner, project.id, coder, 'coder');
  const codeIds: string[] = [];
  for (const [i, parent] of spec.parents.entries()) {
    const parentId = i === 0 || parent % 3 === 0 ? undefined : codeIds[parent % i];
    codeIds.push(
      (await post(owner, `/api/projects/${project.id}/codes`, { name: `C${i}`, parentId })).id,
    );
  }
  const docs: string[] = [];
  const studyIds: string[] = [];
  for (const [i, country] of spec.countries.entries()) {
    const attributes = country ? { country } : {};
    const study = await post(owner, `/api/projects/${project.id}/studies`, {
      title: `S${i}`,
      text: TEXT,
      attributes,
    });
    docs.push(study.documents[0].id);
    studyIds.push(study.id);
  }
  const highlightIds: string[] = [];
  for (const h of spec.highlights) {
    const start = Math.min(h.start, 30);
    const end = start + h.length;
    const body = {
      start,
      end,
      quote: TEXT.slice(start, end),
      codeIds: [...new Set(h.codes.map((c) => codeIds[c % codeIds.length]!))],
    };
    const res = await (h.byCoder ? coder : owner).request(
      'POST',
      `/api/documents/${docs[h.study % docs.length]}/highlights`,
      body,
    );
    if (res.statusCode === 201) highlightIds.push(res.json().id);
  }
  return { projectId: project.id as string, codeIds, highlightIds, studyIds };
}

async function applyEdits(
  p: Awaited<ReturnType<typeof buildProject>>,
  edits: Array<[string, number, number]>,
) {
  for (const [kind, a, b] of edits) {
    const h = p.highlightIds[a % Math.max(1, p.highlightIds.length)];
    if (kind === 'recode' && h)
      await owner.request('PATCH', `/api/highlights/${h}`, {
        codeIds: [p.codeIds[b % p.codeIds.length]],
      });
    if (kind === 'delete' && h) await owner.request('DELETE', `/api/highlights/${h}`);
    const code = p.codeIds[a % p.codeIds.length]!;
    const target = p.codeIds[b % p.codeIds.length]!;
    // Edits may be refused (a cycle, a clash of names): then nothing changes, also worth checking.
    if (kind === 'deleteCode')
      await owner.request('DELETE', `/api/codes/${code}?highlights=delete`);
    if (kind === 'moveCodings')
      await owner.request('DELETE', `/api/codes/${code}?highlights=move&moveTo=${target}`);
    if (kind === 'merge')
      await owner.request('POST', `/api/codes/${code}/merge`, { intoCodeId: target });
    if (kind === 'dropStudy')
      await owner.request('DELETE', `/api/studies/${p.studyIds[b % p.studyIds.length]}`);
    if (kind === 'move')
      await owner.request('PATCH', `/api/codes/${code}`, { parentId: b % 4 === 0 ? null : target });
  }
}

interface Truth {
  codes: Array<{ id: string; parentId: string | null }>;
  studies: Array<{
    id: string;
    country: string | undefined;
    highlights: Array<{
      id: string;
      coderId: string;
      start: number;
      end: number;
      codeIds: string[];
    }>;
  }>;
}

async function snapshot(projectId: string): Promise<Truth> {
  const codes = (await owner.request('GET', `/api/projects/${projectId}/codes`)).json();
  const studies = (await owner.request('GET', `/api/projects/${projectId}/studies`)).json();
  const out: Truth['studies'] = [];
  for (const s of studies) {
    const doc = (await owner.request('GET', `/api/documents/${s.documents[0].id}`)).json();
    out.push({ id: s.id, country: s.attributes.country, highlights: doc.highlights });
  }
  return { codes: codes.map((c: any) => ({ id: c.id, parentId: c.parentId })), studies: out };
}

/** Does a highlight count for `codeId`: one of its codes is the code or below it. */
function under(truth: Truth, codeId: string, codeIds: string[]) {
  const parent = new Map(truth.codes.map((c) => [c.id, c.parentId]));
  return codeIds.some((id) => {
    for (let at: string | null | undefined = id; at; at = parent.get(at))
      if (at === codeId) return true;
    return false;
  });
}

async function compare(
  projectId: string,
  truth: Truth,
  query: URLSearchParams,
  coders?: string[],
  country?: string,
) {
  const scope = scopeOf(projectId, coders, country);
  const studies = truth.studies.filter((s) => !country || s.country === country);
  const mine = (hs: Truth['studies'][number]['highlights']) =>
    hs.filter((h) => !coders || coders.includes(h.coderId));
  const freq = (
    await owner.request('GET', `/api/projects/${projectId}/frequencies?${query}`)
  ).json();
  const matrix = (await owner.request('GET', `/api/projects/${projectId}/matrix?${query}`)).json();
  const get = async (path: string) =>
    (await owner.request('GET', `/api/projects/${projectId}/${path}`)).json();
  const cooc = await get(`cooccurrence?${query}&mode=highlight`);
  const byDocument = await get(`cooccurrence?${query}&mode=document`);
  const byOverlap = await get(`cooccurrence?${query}&mode=overlap`);
  const crosstab = await get(`crosstab?${query}&attribute=country`);
  expect(freq.totalStudies).toBe(studies.length);
  // Every excerpt in scope, whatever its codes: its total is summed from the documents' counts
  // when a study filter is set, from the coders' counts otherwise.
  const all = await get(`excerpts?${query}&limit=3`);
  expect(all.total).toBe(studies.reduce((n, s) => n + mine(s.highlights).length, 0));
  for (const code of truth.codes) {
    const per = studies.map(
      (s) => mine(s.highlights).filter((h) => under(truth, code.id, h.codeIds)).length,
    );
    const row = freq.codes.find((c: any) => c.codeId === code.id);
    const studiesWith = per.filter((n) => n > 0).length;
    expect(row).toMatchObject({
      highlights: per.reduce((a, b) => a + b, 0),
      documents: studiesWith,
      studies: studiesWith,
    });
    expect(row.studyShare).toBe(studies.length ? studiesWith / studies.length : null);
    const cells = matrix.codes.find((c: any) => c.codeId === code.id).cells;
    const expected = studies
      .map((s, i) => ({ studyId: s.id, highlights: per[i]! }))
      .filter((c) => c.highlights > 0);
    expect([...cells].sort(byStudy)).toEqual(expected.sort(byStudy));
    for (const other of truth.codes) {
      const has = (h: Highlight, id: string) => under(truth, id, h.codeIds);
      const inScope = studies.map((st) => mine(st.highlights));
      const both = inScope.flat().filter((h) => has(h, code.id) && has(h, other.id)).length;
      const docs = inScope.filter(
        (hs) => hs.some((h) => has(h, code.id)) && hs.some((h) => has(h, other.id)),
      ).length;
      let overlaps = 0;
      for (const hs of inScope) {
        for (const p of hs) {
          for (const q of hs) {
            if (p.id > q.id || p.start >= q.end || q.start >= p.end) continue;
            const hit =
              (has(p, code.id) && has(q, other.id)) || (has(p, other.id) && has(q, code.id));
            if (hit) overlaps++;
          }
        }
      }
      expect(pairCount(cooc, code.id, other.id)).toBe(both);
      expect(pairCount(byDocument, code.id, other.id)).toBe(docs);
      expect(pairCount(byOverlap, code.id, other.id)).toBe(overlaps);
    }
    const tab = crosstab.codes.find((c: any) => c.codeId === code.id).cells;
    for (const group of crosstab.groups) {
      const members = studies.filter((st) => (st.country ?? null) === group.value);
      expect(group.studies).toBe(members.length);
      const n = members.filter((st) =>
        mine(st.highlights).some((h) => under(truth, code.id, h.codeIds)),
      ).length;
      expect(tab.find((c: any) => c.value === group.value)).toEqual({
        value: group.value,
        studies: n,
        studyShare: n / members.length,
      });
    }
    const excerpts = await get(`excerpts?${query}&codes=${code.id}&limit=3`);
    expect(excerpts.total).toBe(row.highlights);
    // The excerpts behind a co-occurrence cell: highlights carrying both codes.
    const other = truth.codes[truth.codes.length - 1]!;
    const both = await get(
      `excerpts?${query}&codes=${code.id},${other.id}&codeMatch=all&limit=200`,
    );
    expect(both.total).toBe(pairCount(cooc, code.id, other.id));
    expect(both.items).toHaveLength(both.total);
    // Either code: a highlight that carries both is one excerpt.
    const either = await get(`excerpts?${query}&codes=${code.id},${other.id}&limit=200`);
    const carries = (h: Highlight) =>
      under(truth, code.id, h.codeIds) || under(truth, other.id, h.codeIds);
    expect(either.total).toBe(studies.flatMap((st) => mine(st.highlights)).filter(carries).length);
    expect(either.items).toHaveLength(either.total);
    // A search within the codes: the copy counts the index's matches, SQL looks each one up.
    const search = await get(`excerpts?${query}&codes=${code.id},${other.id}&q=peer&limit=3`);
    expect(search.total).toBe(
      sqlTotal(scope, { codeIds: [code.id, other.id], match: requireWords('peer') }),
    );
    expect(both.total).toBe(sqlTotal(scope, { codeIds: [code.id, other.id], allCodes: true }));
  }
  const positive = (pairs: Array<{ a: string; b: string; count: number }>) =>
    pairs.filter((x) => x.count > 0).sort(byPair);
  expect([...cooc.pairs].sort(byPair)).toEqual(
    positive(repos.analysis.cooccurrence(scope, 'highlight', null)),
  );
  expect([...byOverlap.pairs].sort(byPair)).toEqual(
    positive(overlapPairs(repos.analysis.placedCodings(scope, null))),
  );
  const inCountry = await get(`excerpts?${query}&q=peer&limit=3`);
  expect(inCountry.total).toBe(sqlTotal(scope, { codeIds: null, match: requireWords('peer') }));
}

function scopeOf(projectId: string, coders?: string[], country?: string): AnalysisScope {
  return {
    projectId,
    coderIds: coders ?? null,
    studyAttributes: country ? [{ name: 'country', values: [country] }] : [],
    studyIds: null,
  };
}
/** An excerpt total by the SQL path (the highlights looked up one by one). */
function sqlTotal(
  scope: AnalysisScope,
  q: { codeIds: string[] | null; allCodes?: boolean; match?: string },
) {
  return repos.excerpts.total({
    scope,
    codeIds: q.codeIds,
    allCodes: q.allCodes ?? false,
    match: q.match ?? null,
    limit: 3,
    after: null,
  });
}
const byPair = (x: { a: string; b: string }, y: { a: string; b: string }) =>
  `${x.a} ${x.b}`.localeCompare(`${y.a} ${y.b}`);

type Highlight = Truth['studies'][number]['highlights'][number];
function pairCount(res: any, a: string, b: string): number {
  const pair = res.pairs.find((x: any) => (x.a === a && x.b === b) || (x.a === b && x.b === a));
  return pair?.count ?? 0;
}
const byStudy = (a: { studyId: string }, b: { studyId: string }) =>
  a.studyId.localeCompare(b.studyId);
