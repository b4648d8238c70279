import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMember, createUser, setupOwner, startApp, type Client } from './helper';

/*
 * Agreement over HTTP equals a brute-force recomputation from the raw highlights, over random
 * projects: several studies (one left to a single coder, one coded by nobody), two
 * codes (one under the other), overlapping and identical spans, non-BMP text. Brute force builds one unit per character
 * (or per document) and code with explicit arrays, and counts Cohen's kappa from its 2 × 2 table.
 */
const app = await startApp();
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

interface Coding {
  study: number;
  coder: 0 | 1;
  code: number;
  start: number;
  end: number;
}

describe('agreement', () => {
  it('equals brute force at the character and document levels over random projects', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(spanArb, { maxLength: 10 }), async (spans) => {
        const p = await build(spans);
        for (const level of ['character', 'document'] as const) {
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
      }),
      { numRuns: 12 },
    );
  });
});

function expectStats(got: Record<string, number | null>, want: ReturnType<typeof bruteForce>) {
  expect(got.units).toBe(want.units);
  expect(got.agreements).toBe(want.agreements);
  for (const key of ['percentAgreement', 'cohenKappa'] as const) {
    if (want[key] === null) expect(got[key]).toBeNull();
    else expect(got[key]).toBeCloseTo(want[key], 9);
  }
}

/** Per unit (character or document) and code: [ann coded, bo coded], over studies both covered. */
function bruteForce(p: Built, level: 'character' | 'document', codes: number[]) {
  const table = [
    [0, 0],
    [0, 0],
  ];
  for (const [study, text] of p.texts.entries()) {
    const covered = [0, 1].every((c) => p.codings.some((x) => x.study === study && x.coder === c));
    if (!covered) continue;
    for (const code of codes) {
      const marks = [0, 1].map((coder) => {
        const chars = new Array<boolean>(text.length).fill(false);
        for (const x of p.codings) {
          if (x.study !== study || x.coder !== coder || x.code !== code) continue;
          for (let i = x.start; i < x.end; i++) chars[i] = true;
        }
        return chars;
      });
      if (level === 'document') {
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

async function build(spans: Array<SpanSpec>) {
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
  for (const [i, text] of TEXTS.entries()) {
    const study = await post(owner, `/api/projects/${project.id}/studies`, {
      title: `S${i}`,
      text,
    });
    documents.push(study.documents[0].id);
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
  return { projectId: project.id as string, codeIds, texts: TEXTS, codings };
}
