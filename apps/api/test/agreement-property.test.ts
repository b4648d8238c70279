import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SEGMENT_THRESHOLD, matchSegments } from '@kodbok/core';
import { createRepositories } from '@kodbok/db';
import { addMember, createUser, setupOwner, startAppWithDatabase, type Client } from './helper';
import { comparisonOf } from '../src/services/comparison';
import { runReadJob } from '../src/services/read-job';

/*
 * Agreement over HTTP equals a brute-force recomputation from the raw highlights, over random
 * projects: several studies (one left to a single coder, one coded by nobody), two
 * codes (one under the other), overlapping and identical spans, non-BMP text. Brute force builds one unit per character
 * (or per document) and code with explicit arrays, and counts Cohen's kappa from its 2 × 2 table.
 */
const { app, db } = await startAppWithDatabase();
// The paths for more coders than a bit mask holds, in process, without the read worker's copies.
const repos = createRepositories(db);
const owner = await setupOwner(app);
const ann = await createUser(app, owner, 'Ann');
const bo = await createUser(app, owner, 'Bo');
const TEXTS = [
  'Åkerblom i Tromsø: “peer support” 👩🏽‍⚕️ workers and managers shared roles.',
  'Stigma was named 𝒮 twice; supervision less so.',
  'Funding ended in 2019 — the posts went with it.',
];

const spanArb = fc.record({
  study: fc.nat({ max: 2 }),
  byBo: fc.boolean(),
  start: fc.nat({ max: 40 }),
  length: fc.integer({ min: 1, max: 20 }),
  code: fc.nat({ max: 1 }),
});

type SpanSpec = typeof spanArb extends fc.Arbitrary<infer T> ? T : never;

/** Studies given to a coder (0 Ann, 1 Bo), who then covers them whether or not they code. */
const assignedArb = fc.uniqueArray(fc.tuple(fc.nat({ max: 2 }), fc.constantFrom(0, 1)), {
  maxLength: 2,
  selector: ([study, coder]) => `${study} ${coder}`,
});

interface Coding {
  study: number;
  coder: 0 | 1;
  code: number;
  start: number;
  end: number;
}

describe('agreement', () => {
  it('equals brute force at each level, and in the grid, over random projects', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(spanArb, { maxLength: 10 }),
        assignedArb,
        async (spans, assigned) => {
          const p = await build(spans, assigned);
          for (const level of ['character', 'document', 'segment'] as const) {
            const res = await owner.request(
              'GET',
              `/api/projects/${p.projectId}/agreement?coders=${ann.user.id},${bo.user.id}&level=${level}`,
            );
            expect(res.statusCode).toBe(200);
            const body = res.json();
            for (const [i, codeId] of p.codeIds.entries()) {
              const expected = bruteForce(p, level, [i]);
              const got = body.codes.find((c: { codeId: string }) => c.codeId === codeId);
              expectStats(got, expected);
            }
            expectStats(body.overall, bruteForce(p, level, [0, 1]));
          }
          await expectGrid(p);
          await expectSameWithoutCopies(p);
        },
      ),
      { numRuns: 12 },
    );
  });
});

/**
 * The answers read from the study objects (agreement's accumulator, the grid's rows), as for
 * more than 26 coders, equal those over HTTP (from the read worker's copies, by number).
 */
async function expectSameWithoutCopies(p: Built) {
  const coders = `${ann.user.id},${bo.user.id}`;
  const base = `/api/projects/${p.projectId}`;
  // No filter; two of the three studies; the child code alone.
  const filters: Array<Record<string, string>> = [
    {},
    { studies: p.studyIds.slice(0, 2).join(',') },
    { codes: p.codeIds[1]! },
  ];
  for (const filter of filters) {
    const user = { ...owner.user, isInstanceOwner: true };
    const cmp = comparisonOf(repos, user, p.projectId, { coders, ...filter });
    const params = new URLSearchParams({ coders, ...filter });
    for (const level of ['character', 'document', 'segment'] as const) {
      const http = (
        await owner.request('GET', `${base}/agreement?${params}&level=${level}`)
      ).json();
      const query = { coders, level, ...filter };
      const read = runReadJob(repos, { kind: 'agreement', cmp, query });
      expect(JSON.parse(JSON.stringify(read))).toEqual(http);
    }
    for (const only of [undefined, 'disagreements'] as const) {
      const query = { coders, limit: 2, offset: 1, ...filter, ...(only ? { only } : {}) };
      const url = `${base}/agreement/grid?${params}&limit=2&offset=1${only ? `&only=${only}` : ''}`;
      const http = (await owner.request('GET', url)).json();
      const read = runReadJob(repos, { kind: 'grid', cmp, query });
      expect(JSON.parse(JSON.stringify(read))).toEqual(http);
    }
  }
}

/** The grid over HTTP against who applied which code in each study, from the raw codings. */
async function expectGrid(p: Built) {
  const res = await owner.request(
    'GET',
    `/api/projects/${p.projectId}/agreement/grid?coders=${ann.user.id},${bo.user.id}`,
  );
  expect(res.statusCode).toBe(200);
  const grid = res.json();
  const coderIds = [ann.user.id, bo.user.id];
  const expected = p.studyIds.flatMap((studyId, study) => {
    const covering = [0, 1].filter((c) => covers(p, study, c));
    if (covering.length === 0) return [];
    const cells = p.codeIds.flatMap((codeId, code) => {
      const by = covering.filter((c) =>
        p.codings.some((x) => x.study === study && x.coder === c && x.code === code),
      );
      if (by.length === 0) return [];
      const appliedBy = by.map((c) => coderIds[c]);
      return [{ studyId, codeId, appliedBy, agree: by.length === covering.length }];
    });
    const disagreements = covering.length < 2 ? 0 : cells.filter((c) => !c.agree).length;
    return [{ studyId, coders: covering.map((c) => coderIds[c]), disagreements, cells }];
  });
  expect(grid.summary).toEqual({
    studies: expected.length,
    withDisagreements: expected.filter((e) => e.disagreements > 0).length,
    reconciled: 0,
  });
  expect(grid.studies.map((s: { id: string }) => s.id).sort()).toEqual(
    expected.map((e) => e.studyId).sort(),
  );
  for (const e of expected) {
    const study = grid.studies.find((s: { id: string }) => s.id === e.studyId);
    expect(study).toMatchObject({ coders: e.coders, disagreements: e.disagreements });
    const cells = grid.cells.filter((c: { studyId: string }) => c.studyId === e.studyId);
    expect(cells).toEqual(e.cells);
  }
}

function expectStats(got: Record<string, number | null>, want: ReturnType<typeof bruteForce>) {
  expect(got.units).toBe(want.units);
  expect(got.agreements).toBe(want.agreements);
  for (const key of ['percentAgreement', 'cohenKappa'] as const) {
    if (want[key] === null) expect(got[key]).toBeNull();
    else expect(got[key]).toBeCloseTo(want[key], 9);
  }
}

/**
 * Per unit (character, document, or a segment and those matched with it) and code: [ann coded,
 * bo coded], over studies both covered.
 */
function bruteForce(p: Built, level: 'character' | 'document' | 'segment', codes: number[]) {
  const table = [
    [0, 0],
    [0, 0],
  ];
  for (const [study, text] of p.texts.entries()) {
    if (!(covers(p, study, 0) && covers(p, study, 1))) continue;
    for (const code of codes) {
      const marks = [0, 1].map((coder) => {
        const chars = new Array<boolean>(text.length).fill(false);
        for (const x of p.codings) {
          if (x.study !== study || x.coder !== coder || x.code !== code) continue;
          for (let i = x.start; i < x.end; i++) chars[i] = true;
        }
        return chars;
      });
      if (level === 'segment') {
        // Each highlight once per code (a coder's identical span is the same highlight).
        const segments = [
          ...new Set(
            p.codings
              .filter((x) => x.study === study && x.code === code)
              .map((x) => `${x.coder} ${x.start} ${x.end}`),
          ),
        ].map((key) => {
          const [coder, start, end] = key.split(' ').map(Number);
          return { coder: coder!, start: start!, end: end! };
        });
        for (const cluster of matchSegments(segments, DEFAULT_SEGMENT_THRESHOLD)) {
          const has = (c: number) => (cluster.some((k) => segments[k]!.coder === c) ? 1 : 0);
          table[has(0)]![has(1)]!++;
        }
      } else if (level === 'document') {
        const a = marks[0]!.some(Boolean) ? 1 : 0;
        const b = marks[1]!.some(Boolean) ? 1 : 0;
        table[a]![b]!++;
      } else {
        for (let i = 0; i < text.length; i++) table[marks[0]![i] ? 1 : 0]![marks[1]![i] ? 1 : 0]!++;
      }
    }
  }
  const units = table[0]![0]! + table[0]![1]! + table[1]![0]! + table[1]![1]!;
  const agreements = table[0]![0]! + table[1]![1]!;
  const po = units ? agreements / units : null;
  const annYes = (table[1]![0]! + table[1]![1]!) / units;
  const boYes = (table[0]![1]! + table[1]![1]!) / units;
  const pe = annYes * boYes + (1 - annYes) * (1 - boYes);
  const kappa = po === null || pe === 1 ? null : (po - pe) / (1 - pe);
  return { units, agreements, percentAgreement: po, cohenKappa: kappa };
}

type Built = Awaited<ReturnType<typeof build>>;

/** Whether a coder's coding counts in a study: they coded in it or were assigned it. */
function covers(p: Built, study: number, coder: number): boolean {
  return (
    p.codings.some((x) => x.study === study && x.coder === coder) ||
    p.assigned.some(([s, c]) => s === study && c === coder)
  );
}

async function build(spans: Array<SpanSpec>, assigned: Array<[number, number]>) {
  const post = async (c: Client, url: string, body: object) => {
    const res = await c.request('POST', url, body);
    // 200: a coder's second identical span adds its codes to the first highlight.
    if (res.statusCode !== 201 && res.statusCode !== 200) throw new Error(`${url}: ${res.body}`);
    return res.json();
  };
  const project = await post(owner, '/api/projects', { name: 'Agreement property' });
  for (const m of [ann, bo]) await addMember(owner, project.id, m, 'coder');
  // Funding under Stigma: the theme's own highlights are compared, not its child's (the counts
  // the document level reads roll children up into their parent).
  const codeIds: string[] = [];
  for (const name of ['Stigma', 'Funding']) {
    const parentId = codeIds[0];
    codeIds.push((await post(owner, `/api/projects/${project.id}/codes`, { name, parentId })).id);
  }
  const documents: string[] = [];
  const studyIds: string[] = [];
  for (const [i, text] of TEXTS.entries()) {
    const study = await post(owner, `/api/projects/${project.id}/studies`, {
      title: `S${i}`,
      text,
    });
    documents.push(study.documents[0].id);
    studyIds.push(study.id);
  }
  const codings: Coding[] = [];
  for (const s of spans) {
    const text = TEXTS[s.study]!;
    let start = Math.min(s.start, text.length - 1);
    let end = Math.min(start + s.length, text.length);
    // Never split a surrogate pair: the server refuses such a span (tested elsewhere).
    if (/[\uDC00-\uDFFF]/.test(text[start]!)) start--;
    if (end < text.length && /[\uDC00-\uDFFF]/.test(text[end]!)) end++;
    const coder = s.byBo ? bo : ann;
    await post(coder, `/api/documents/${documents[s.study]}/highlights`, {
      start,
      end,
      quote: text.slice(start, end),
      codeIds: [codeIds[s.code]],
    });
    codings.push({ study: s.study, coder: s.byBo ? 1 : 0, code: s.code, start, end });
  }
  for (const [study, coder] of assigned) {
    const userIds = [(coder === 1 ? bo : ann).user.id];
    await post(owner, `/api/projects/${project.id}/assignments`, {
      studyIds: [studyIds[study]],
      userIds,
    });
  }
  return { projectId: project.id as string, codeIds, studyIds, texts: TEXTS, codings, assigned };
}
