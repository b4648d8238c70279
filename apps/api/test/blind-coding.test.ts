import { beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app';
import {
  addMember,
  createHighlight,
  createProjectWithStudy,
  createUser,
  postSession,
  setupOwner,
  startApp,
  type Client,
} from './helper';

const TEXT = 'Peer workers were seen as outsiders. Managers praised their lived experience.';

let app: App;
let owner: Client;
let ann: Client;
let bo: Client;
let vera: Client;

beforeAll(async () => {
  app = await startApp();
  owner = await setupOwner(app);
  ann = await createUser(app, owner, 'Ann Coder');
  bo = await createUser(app, owner, 'Bo Coder');
  vera = await createUser(app, owner, 'Vera Viewer');
});

/** A project with independent coding on, where Ann and Bo each coded a different passage. */
async function blindProject() {
  const s = await createProjectWithStudy(owner, TEXT);
  const base = `/api/projects/${s.project.id}`;
  await addMember(owner, s.project.id, ann, 'coder');
  await addMember(owner, s.project.id, bo, 'coder');
  await addMember(owner, s.project.id, vera, 'viewer');
  const on = await owner.request('PATCH', base, { independentCoding: true });
  expect(on.json().independentCoding).toBe(true);
  const annH = await createHighlight(ann, s.documentId, 'outsiders', [s.code.id], 'ann memo');
  const boH = await createHighlight(bo, s.documentId, 'lived experience', [s.code.id], 'bo memo');
  return { ...s, base, annH, boH };
}

describe('independent coding: what a coder can read', () => {
  it('shows a coder only their own highlights in the document, however they ask', async () => {
    const p = await blindProject();
    const own = (await ann.request('GET', `/api/documents/${p.documentId}`)).json();
    expect(own.highlights.map((h: { id: string }) => h.id)).toEqual([p.annH.id]);
    const asked = await ann.request('GET', `/api/documents/${p.documentId}?coders=${bo.user.id}`);
    expect(asked.statusCode).toBe(403);
    expect(asked.json().message).toMatch(/work independently/);
  });

  it("counts only the coder's own coding in the study list and the codebook", async () => {
    const p = await blindProject();
    await createHighlight(bo, p.documentId, 'Managers', [p.code.id]);
    const studies = (await ann.request('GET', `${p.base}/studies`)).json();
    expect(studies[0].highlights).toBe(1);
    const codes = (await ann.request('GET', `${p.base}/codes`)).json();
    expect(codes[0].highlightCount).toBe(1);
    const ownerCodes = (await owner.request('GET', `${p.base}/codes`)).json();
    expect(ownerCodes[0].highlightCount).toBe(3);
  });

  it('keeps other coders out of excerpts, search, analysis and the matrix click-through', async () => {
    const p = await blindProject();
    const excerpts = (await ann.request('GET', `${p.base}/excerpts`)).json();
    expect(excerpts.items.map((e: { quote: string }) => e.quote)).toEqual(['outsiders']);
    expect(excerpts.total).toBe(1);
    const search = (await ann.request('GET', `${p.base}/excerpts?q=bo`)).json();
    expect(search.items).toEqual([]);
    const clickThrough = await ann.request(
      'GET',
      `${p.base}/excerpts?codes=${p.code.id}&studies=${p.study.id}`,
    );
    expect(clickThrough.json().items).toHaveLength(1);
    const freq = (await ann.request('GET', `${p.base}/frequencies`)).json();
    expect(freq.codes[0].highlights).toBe(1);
    const matrix = (await ann.request('GET', `${p.base}/matrix`)).json();
    expect(matrix.codes[0].cells).toEqual([{ studyId: p.study.id, highlights: 1 }]);
    for (const path of ['frequencies', 'excerpts', 'matrix', 'cooccurrence']) {
      const res = await ann.request('GET', `${p.base}/${path}?coders=${bo.user.id}`);
      expect(res.statusCode, path).toBe(403);
    }
  });

  it("treats another coder's highlight as missing when changing it", async () => {
    const p = await blindProject();
    const res = await ann.request('PATCH', `/api/highlights/${p.boH.id}`, { memo: 'mine now' });
    expect(res.statusCode).toBe(404);
    expect((await ann.request('DELETE', `/api/highlights/${p.boH.id}`)).statusCode).toBe(404);
  });

  it("lets owners see everyone's coding, one coder's, or several", async () => {
    const p = await blindProject();
    const all = (await owner.request('GET', `/api/documents/${p.documentId}`)).json();
    expect(all.highlights).toHaveLength(2);
    const one = (
      await owner.request('GET', `/api/documents/${p.documentId}?coders=${bo.user.id}`)
    ).json();
    expect(one.highlights.map((h: { coderName: string }) => h.coderName)).toEqual(['Bo Coder']);
    const studies = (await owner.request('GET', `${p.base}/studies?coders=${ann.user.id}`)).json();
    expect(studies[0].highlights).toBe(1);
  });

  it('shows a viewer only the consensus coding', async () => {
    const p = await blindProject();
    const doc = (await vera.request('GET', `/api/documents/${p.documentId}`)).json();
    expect(doc.highlights).toEqual([]);
    const freq = (await vera.request('GET', `${p.base}/frequencies`)).json();
    expect(freq.codes[0].highlights).toBe(0);
  });

  it('shows everyone everything again once switched off mid-project', async () => {
    const p = await blindProject();
    await owner.request('PATCH', p.base, { independentCoding: false });
    const doc = (await ann.request('GET', `/api/documents/${p.documentId}`)).json();
    expect(doc.highlights).toHaveLength(2);
  });

  it('lets supervisors but not coders switch it', async () => {
    const s = await createProjectWithStudy(owner, TEXT);
    const base = `/api/projects/${s.project.id}`;
    await addMember(owner, s.project.id, ann, 'supervisor');
    await addMember(owner, s.project.id, bo, 'coder');
    expect((await ann.request('PATCH', base, { independentCoding: true })).statusCode).toBe(200);
    const refused = await bo.request('PATCH', base, { independentCoding: false });
    expect(refused.statusCode).toBe(403);
    expect((await owner.request('GET', base)).json().independentCoding).toBe(true);
  });
});

describe('the consensus coding', () => {
  it('is written by supervisors, read with coders=consensus, and left out of "all"', async () => {
    const p = await blindProject();
    const doc = (await owner.request('GET', `/api/documents/${p.documentId}`)).json();
    const start = doc.text.indexOf('outsiders');
    const body = { start, end: start + 9, quote: 'outsiders', codeIds: [p.code.id] };
    const refused = await ann.request('POST', `/api/documents/${p.documentId}/highlights`, {
      ...body,
      consensus: true,
    });
    expect(refused.statusCode).toBe(403);
    const made = await owner.request('POST', `/api/documents/${p.documentId}/highlights`, {
      ...body,
      consensus: true,
    });
    expect(made.statusCode).toBe(201);
    expect(made.json()).toMatchObject({ coderId: 'consensus', coderName: 'Consensus' });
    const consensus = (await owner.request('GET', `${p.base}/frequencies?coders=consensus`)).json();
    expect(consensus.codes[0]).toMatchObject({ highlights: 1, studies: 1 });
    const all = (await owner.request('GET', `${p.base}/frequencies`)).json();
    expect(all.codes[0].highlights).toBe(2);
    const excerpts = (await owner.request('GET', `${p.base}/excerpts?coders=consensus`)).json();
    expect(excerpts.items.map((e: { coderName: string }) => e.coderName)).toEqual(['Consensus']);
    const everyone = (await owner.request('GET', `/api/documents/${p.documentId}`)).json();
    expect(everyone.highlights).toHaveLength(2);
  });

  it('cannot become a member or be seen as an account', async () => {
    const s = await createProjectWithStudy(owner, TEXT);
    // Inviting answers as for any e-mail (decision 016); no one can sign in to accept.
    const res = await owner.request('POST', `/api/projects/${s.project.id}/invitations`, {
      email: 'consensus@kodbok.invalid',
      role: 'coder',
    });
    expect(res.statusCode).toBe(201);
    expect((await postSession(app, 'consensus@kodbok.invalid', 'x')).statusCode).toBe(401);
    const members = (await owner.request('GET', `/api/projects/${s.project.id}/members`)).json();
    expect(members.map((m: { name: string }) => m.name)).not.toContain('Consensus');
    const users = (await owner.request('GET', '/api/users')).json();
    expect(users.map((u: { name: string }) => u.name)).not.toContain('Consensus');
    const edit = await owner.request('PATCH', '/api/users/consensus', { disabled: false });
    expect(edit.statusCode).toBe(404);
  });
});
