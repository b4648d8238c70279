import { beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app';
import {
  addMember,
  createCode,
  createHighlight,
  createProjectWithStudy,
  createUser,
  setupOwner,
  startApp,
  type Client,
} from './helper';

let app: App;
let owner: Client;
let ann: Client;
let bo: Client;

beforeAll(async () => {
  app = await startApp();
  owner = await setupOwner(app);
  ann = await createUser(app, owner, 'Ann Coder');
  bo = await createUser(app, owner, 'Bo Coder');
});

const TEXT_1 = 'Peer workers were seen as outsiders by the staff.';
const TEXT_2 = 'Managers valued lived experience but budgets were short.';

/**
 * Two studies, codes A and B. Study 1: Ann and Bo both apply A. Study 2: Ann applies A and B,
 * Bo only B. As (document, code) units: (1,A) 1/1, (1,B) 0/0, (2,A) 1/0, (2,B) 1/1.
 */
async function twoCoders() {
  const s = await createProjectWithStudy(owner, TEXT_1);
  const projectId = s.project.id;
  const base = `/api/projects/${projectId}`;
  await addMember(owner, projectId, ann, 'coder');
  await addMember(owner, projectId, bo, 'coder');
  const a = s.code;
  const b = await createCode(owner, projectId, 'Funding');
  const study2 = (
    await owner.request('POST', `${base}/studies`, { title: 'B', text: TEXT_2 })
  ).json();
  const doc2 = study2.documents[0].id as string;
  await createHighlight(ann, s.documentId, 'outsiders', [a.id]);
  await createHighlight(bo, s.documentId, 'seen as outsiders', [a.id]);
  await createHighlight(ann, doc2, 'lived experience', [a.id]);
  await createHighlight(ann, doc2, 'budgets were short', [b.id]);
  await createHighlight(bo, doc2, 'budgets were short', [b.id]);
  const coders = `${ann.user.id},${bo.user.id}`;
  return { ...s, base, a, b, doc2, study2, coders };
}

describe('GET /api/projects/:projectId/agreement', () => {
  it('computes document-level statistics per code and pooled, as worked by hand', async () => {
    const p = await twoCoders();
    const res = await owner.request('GET', `${p.base}/agreement?coders=${p.coders}&level=document`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ level: 'document', studies: 2, documents: 2 });
    // Pooled: agreement on 3 of 4 units; Ann applied in 3/4, Bo in 2/4, so Pe = .75·.5 + .25·.5 = .5.
    expect(body.overall.units).toBe(4);
    expect(body.overall.percentAgreement).toBeCloseTo(0.75);
    expect(body.overall.cohenKappa).toBeCloseTo(0.5);
    expect(body.overall.brennanPredigerKappa).toBeCloseTo(0.5);
    const byName = Object.fromEntries(body.codes.map((c: { name: string }) => [c.name, c]));
    expect(byName['Role clarity'].percentAgreement).toBeCloseTo(0.5);
    expect(byName['Role clarity'].cohenKappa).toBeCloseTo(0);
    expect(byName.Funding.percentAgreement).toBe(1);
    expect(byName.Funding.cohenKappa).toBeCloseTo(1);
  });

  it('counts a study assigned to a coder who coded nothing there as coded by them with nothing', async () => {
    const p = await twoCoders();
    // Study 3: only Ann codes, A. Bo was given it and applied nothing: (3,A) 1/0 and (3,B) 0/0
    // are units. Not given it, Bo would be missing there and study 3 would not count.
    const study3 = (
      await owner.request('POST', `${p.base}/studies`, { title: 'C', text: TEXT_1 })
    ).json();
    await createHighlight(ann, study3.documents[0].id, 'outsiders', [p.a.id]);
    const given = await owner.request('POST', `${p.base}/assignments`, {
      studyIds: [study3.id],
      userIds: [bo.user.id],
    });
    expect(given.statusCode).toBe(201);
    const res = await owner.request('GET', `${p.base}/agreement?coders=${p.coders}&level=document`);
    const body = res.json();
    expect(body).toMatchObject({ studies: 3, documents: 3 });
    // Six units; agreement on (1,A), (1,B), (2,B), (3,B); Ann applied in 4/6, Bo in 2/6.
    expect(body.overall.units).toBe(6);
    expect(body.overall.percentAgreement).toBeCloseTo(4 / 6);
  });

  it('counts characters at the character level, text nobody coded agreeing', async () => {
    const p = await twoCoders();
    const res = await owner.request(
      'GET',
      `${p.base}/agreement?coders=${p.coders}&level=character&codes=${p.a.id}&studies=${p.study.id}`,
    );
    const { overall } = res.json();
    // Ann coded "outsiders", Bo "seen as outsiders": they differ on "seen as " only.
    expect(overall.units).toBe(TEXT_1.length);
    expect(overall.agreements).toBe(TEXT_1.length - 'seen as '.length);
  });

  it('matches segments by overlap at the chosen threshold', async () => {
    const p = await twoCoders();
    const url = (t: number) =>
      `${p.base}/agreement?coders=${p.coders}&level=segment&threshold=${t}&codes=${p.a.id}&studies=${p.study.id}`;
    // "outsiders" (9) inside "seen as outsiders" (17): overlap 9/17 ≈ 0.53.
    const strict = (await owner.request('GET', url(0.9))).json();
    expect(strict.threshold).toBe(0.9);
    expect(strict.overall).toMatchObject({ units: 2, agreements: 0 });
    const loose = (await owner.request('GET', url(0.5))).json();
    expect(loose.overall).toMatchObject({ units: 1, agreements: 1 });
  });

  it('answers null, not 1, when coders agree on one category only', async () => {
    const p = await twoCoders();
    const c = await createCode(owner, p.project.id, 'Stigma');
    const res = await owner.request('GET', `${p.base}/agreement?coders=${p.coders}&codes=${c.id}`);
    const stats = res.json().codes[0];
    expect(stats).toMatchObject({ units: 2, percentAgreement: 1 });
    expect(stats.cohenKappa).toBeNull();
    expect(stats.krippendorffAlpha).toBeNull();
    expect(stats.fleissKappa).toBeNull();
  });

  it('refuses a single coder, a stranger and a coder asking', async () => {
    const p = await twoCoders();
    const one = await owner.request('GET', `${p.base}/agreement?coders=${ann.user.id}`);
    expect(one.statusCode).toBe(400);
    expect(one.json().message).toMatch(/at least two coders/);
    const stranger = await owner.request('GET', `${p.base}/agreement?coders=${ann.user.id},x`);
    expect(stranger.json().message).toMatch(/"x" is not a member/);
    const asCoder = await ann.request('GET', `${p.base}/agreement?coders=${p.coders}`);
    expect(asCoder.statusCode).toBe(403);
    const level = await owner.request('GET', `${p.base}/agreement?coders=${p.coders}&level=word`);
    expect(level.statusCode).toBe(400);
  });
});

describe('GET /api/projects/:projectId/agreement/grid', () => {
  it('shows per study and code who applied it, and counts the disagreements', async () => {
    const p = await twoCoders();
    const grid = (await owner.request('GET', `${p.base}/agreement/grid?coders=${p.coders}`)).json();
    const cell = (studyId: string, codeId: string) =>
      grid.cells.find(
        (c: { studyId: string; codeId: string }) => c.studyId === studyId && c.codeId === codeId,
      );
    expect(cell(p.study.id, p.a.id)).toMatchObject({ agree: true });
    expect(cell(p.study2.id, p.a.id)).toMatchObject({ agree: false, appliedBy: [ann.user.id] });
    expect(cell(p.study.id, p.b.id)).toBeUndefined();
    const s2 = grid.studies.find((s: { id: string }) => s.id === p.study2.id);
    expect(s2).toMatchObject({ disagreements: 1, reconciled: null, documentIds: [p.doc2] });
  });

  it('pages the studies, filters to disagreements, and sums up every study', async () => {
    const p = await twoCoders();
    const url = `${p.base}/agreement/grid?coders=${p.coders}`;
    const first = (await owner.request('GET', `${url}&limit=1`)).json();
    expect(first).toMatchObject({ totalStudies: 2, offset: 0, nextOffset: 1 });
    expect(first.summary).toEqual({ studies: 2, withDisagreements: 1, reconciled: 0 });
    expect(first.studies).toHaveLength(1);
    expect(first.cells.every((c: { studyId: string }) => c.studyId === first.studies[0].id)).toBe(
      true,
    );
    const only = (await owner.request('GET', `${url}&only=disagreements`)).json();
    expect(only.studies.map((s: { id: string }) => s.id)).toEqual([p.study2.id]);
    expect(only).toMatchObject({ totalStudies: 1, nextOffset: null });
  });
});

describe('reconciling into the consensus coding', () => {
  it("lists a region, takes one coder's version, and the consensus frequencies count it", async () => {
    const p = await twoCoders();
    const dis = (
      await owner.request('GET', `/api/documents/${p.documentId}/disagreements?coders=${p.coders}`)
    ).json();
    expect(dis.regions).toHaveLength(1);
    const region = dis.regions[0];
    const start = TEXT_1.indexOf('seen');
    expect(region).toMatchObject({ codeId: p.a.id, start, end: start + 17, resolution: null });
    expect(region.runs).toEqual([{ start, end: start + 8, coded: [false, true] }]);

    const resolved = await owner.request('POST', `/api/documents/${p.documentId}/resolutions`, {
      codeId: p.a.id,
      start: region.start,
      end: region.end,
      coders: [ann.user.id, bo.user.id],
      accept: [bo.user.id],
    });
    expect(resolved.statusCode).toBe(201);
    expect(resolved.json()).toMatchObject({ accepted: [bo.user.id], userName: 'Owner' });
    const doc = (
      await owner.request('GET', `/api/documents/${p.documentId}?coders=consensus`)
    ).json();
    expect(doc.highlights.map((h: { quote: string }) => h.quote)).toEqual(['seen as outsiders']);
    const freq = (await owner.request('GET', `${p.base}/frequencies?coders=consensus`)).json();
    expect(freq.codes.find((c: { codeId: string }) => c.codeId === p.a.id).highlights).toBe(1);
    // A search counts the coders' excerpts, not the consensus's copy, unless asked for it.
    const search = async (coders = '') =>
      (await owner.request('GET', `${p.base}/excerpts?q=outsiders${coders}`)).json();
    const coded = await search();
    expect(coded.total).toBe(coded.items.length);
    expect(coded.items.map((i: { coderId: string }) => i.coderId)).not.toContain('consensus');
    expect(await search('&coders=consensus')).toMatchObject({ total: 1 });
    const again = (
      await owner.request('GET', `/api/documents/${p.documentId}/disagreements?coders=${p.coders}`)
    ).json();
    expect(again.regions[0].resolution).toMatchObject({ accepted: [bo.user.id] });
  });

  it('replaces an earlier decision on the same region, and "neither" removes the coding', async () => {
    const p = await twoCoders();
    const start = TEXT_1.indexOf('seen');
    const decide = (accept: string[]) =>
      owner.request('POST', `/api/documents/${p.documentId}/resolutions`, {
        codeId: p.a.id,
        start,
        end: start + 17,
        coders: [ann.user.id, bo.user.id],
        accept,
      });
    await decide([ann.user.id, bo.user.id]);
    await decide([ann.user.id]);
    const quotes = async () =>
      (await owner.request('GET', `/api/documents/${p.documentId}?coders=consensus`))
        .json()
        .highlights.map((h: { quote: string }) => h.quote);
    expect(await quotes()).toEqual(['outsiders']);
    await decide([]);
    expect(await quotes()).toEqual([]);
  });

  it('copies what the coders agree on into the consensus', async () => {
    const p = await twoCoders();
    const res = await owner.request('POST', `/api/documents/${p.doc2}/resolutions/agreements`, {
      coders: [ann.user.id, bo.user.id],
    });
    expect(res.json()).toEqual({ added: 1 });
    const doc = (await owner.request('GET', `/api/documents/${p.doc2}?coders=consensus`)).json();
    expect(doc.highlights).toMatchObject([{ quote: 'budgets were short', codeIds: [p.b.id] }]);
  });

  it('keeps comments on a disagreement and marks a study reconciled and reopened', async () => {
    const p = await twoCoders();
    const start = TEXT_1.indexOf('seen');
    const made = await owner.request('POST', `/api/documents/${p.documentId}/comments`, {
      codeId: p.a.id,
      start,
      end: start + 17,
      body: 'Is "seen as" part of the stigma?',
    });
    expect(made.statusCode).toBe(201);
    const dis = (
      await owner.request('GET', `/api/documents/${p.documentId}/disagreements?coders=${p.coders}`)
    ).json();
    expect(dis.regions[0].comments.map((c: { body: string }) => c.body)).toEqual([
      'Is "seen as" part of the stigma?',
    ]);
    const url = `/api/studies/${p.study.id}/reconciliation`;
    expect((await owner.request('PUT', url, { reconciled: true })).json()).toMatchObject({
      reconciled: true,
      by: 'Owner',
    });
    expect((await owner.request('PUT', url, { reconciled: false })).json().reconciled).toBe(false);
    expect((await ann.request('PUT', url, { reconciled: true })).statusCode).toBe(403);
  });

  it('refuses regions outside the text and accepted coders not compared', async () => {
    const p = await twoCoders();
    const body = {
      codeId: p.a.id,
      start: 0,
      end: 5,
      coders: [ann.user.id, bo.user.id],
      accept: [],
    };
    const post = (b: object) =>
      owner.request('POST', `/api/documents/${p.documentId}/resolutions`, b);
    expect((await post({ ...body, end: 10_000 })).json().message).toMatch(/start < end/);
    expect((await post({ ...body, accept: [owner.user.id] })).json().message).toMatch(
      /not one of the coders compared/,
    );
    expect(
      (await ann.request('POST', `/api/documents/${p.documentId}/resolutions`, body)).statusCode,
    ).toBe(403);
  });
});
