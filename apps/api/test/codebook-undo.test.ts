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

/*
 * Deleting or merging a code can be undone by whoever did it (issue 11: "Codebook changes can be
 * undone"). Each test takes a picture of everything the change touches — the codebook, every
 * highlight with its codes, the memos, the frequencies — and compares it after the undo.
 */

const TEXT =
  'Trust grew between peers. Stigma faded slowly on the ward. Supervision was rare. Funding ran out.';

let app: App;
let owner: Client;
let cora: Client;

beforeAll(async () => {
  app = await startApp();
  owner = await setupOwner(app, 'Åsa Owner');
  cora = await createUser(app, owner, 'Cora Coder');
});

async function arrange() {
  const s = await createProjectWithStudy(owner, TEXT);
  const projectId = s.project.id as string;
  await addMember(owner, projectId, cora, 'supervisor');
  const theme = await createCode(owner, projectId, 'Relationships');
  const trust = await createCode(owner, projectId, 'Trust', { parentId: theme.id });
  const peers = await createCode(owner, projectId, 'Between peers', { parentId: trust.id });
  const stigma = await createCode(owner, projectId, 'Stigma', { parentId: theme.id });
  const alone = await createHighlight(owner, s.documentId, 'Trust grew', [trust.id]);
  const shared = await createHighlight(
    owner,
    s.documentId,
    'Stigma faded',
    [trust.id, stigma.id],
    'mixed',
  );
  await createHighlight(owner, s.documentId, 'between peers', [peers.id]);
  await createHighlight(owner, s.documentId, 'Funding ran out', [stigma.id]);
  const memos = `/api/projects/${projectId}/memos`;
  await owner.request('PUT', memos, { on: 'code', id: trust.id, text: 'Trust: Åsa’s memo' });
  await cora.request('PUT', memos, { on: 'code', id: stigma.id, text: 'Stigma: Cora’s memo' });
  await owner.request('PUT', memos, { on: 'code', id: stigma.id, text: 'Stigma: Åsa’s memo' });
  return { ...s, projectId, codes: { theme, trust, peers, stigma }, h: { alone, shared } };
}

/** Everything a codebook change can touch, in a form to compare. */
async function picture(projectId: string, documentId: string) {
  const codes = (await owner.request('GET', `/api/projects/${projectId}/codes`)).json() as any[];
  const doc = (await owner.request('GET', `/api/documents/${documentId}`)).json();
  const memos = (await owner.request('GET', `/api/projects/${projectId}/memos`)).json()
    .memos as any[];
  const freq = (await owner.request('GET', `/api/projects/${projectId}/frequencies`)).json();
  return {
    codes: codes.map((c) => [c.id, c.parentId, c.name, c.color, c.position, c.highlightCount]),
    highlights: (doc.highlights as any[])
      .map((h) => [h.id, h.start, h.end, h.memo, [...h.codeIds].sort()])
      .sort(),
    memos: memos.map((m) => [m.on, m.targetId, m.userName, m.text]).sort(),
    frequencies: freq,
  };
}

describe('undoing a code’s deletion or merge', () => {
  it('puts a deleted code back with its codings, sub-codes, memos and the highlights it took', async () => {
    const p = await arrange();
    const before = await picture(p.projectId, p.documentId);
    const del = await owner.request('DELETE', `/api/codes/${p.codes.trust.id}?highlights=delete`);
    expect(del.statusCode).toBe(200);
    const { undoId } = del.json();
    const during = await picture(p.projectId, p.documentId);
    expect(during.highlights).toHaveLength(3);
    expect(during).not.toEqual(before);

    const undo = await owner.request('POST', `/api/codebook-undo/${undoId}`);
    expect(undo.statusCode).toBe(200);
    expect(undo.json()).toMatchObject({ id: p.codes.trust.id, name: 'Trust' });
    expect(await picture(p.projectId, p.documentId)).toEqual(before);
    // Once only.
    expect((await owner.request('POST', `/api/codebook-undo/${undoId}`)).statusCode).toBe(404);
  });

  it('undoes a delete that moved the codings to another code', async () => {
    const p = await arrange();
    const before = await picture(p.projectId, p.documentId);
    const del = await owner.request(
      'DELETE',
      `/api/codes/${p.codes.trust.id}?highlights=move&moveTo=${p.codes.stigma.id}`,
    );
    await owner.request('POST', `/api/codebook-undo/${del.json().undoId}`);
    expect(await picture(p.projectId, p.documentId)).toEqual(before);
  });

  it('undoes a merge: codings, sub-codes and both codes’ memos as they were', async () => {
    const p = await arrange();
    const before = await picture(p.projectId, p.documentId);
    const merged = await owner.request('POST', `/api/codes/${p.codes.trust.id}/merge`, {
      intoCodeId: p.codes.stigma.id,
    });
    expect(merged.statusCode).toBe(200);
    expect(merged.json()).toMatchObject({ id: p.codes.stigma.id, undoId: expect.any(String) });
    const undo = await owner.request('POST', `/api/codebook-undo/${merged.json().undoId}`);
    expect(undo.statusCode).toBe(200);
    expect(await picture(p.projectId, p.documentId)).toEqual(before);
  });

  it('is the author’s alone, and refused with a reason when a sibling took the name', async () => {
    const p = await arrange();
    const del = await owner.request('DELETE', `/api/codes/${p.codes.peers.id}?highlights=delete`);
    const { undoId } = del.json();
    // Another supervisor of the project cannot undo Åsa's change.
    expect((await cora.request('POST', `/api/codebook-undo/${undoId}`)).statusCode).toBe(404);
    await createCode(owner, p.projectId, 'Between peers', { parentId: p.codes.trust.id });
    const refused = await owner.request('POST', `/api/codebook-undo/${undoId}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toBe(
      'A code named "Between peers" already exists under "Trust"',
    );
  });

  it('brings a code back at the top level when its parent has gone since', async () => {
    const p = await arrange();
    const del = await owner.request('DELETE', `/api/codes/${p.codes.peers.id}?highlights=delete`);
    await owner.request('DELETE', `/api/codes/${p.codes.trust.id}?highlights=delete`);
    const undo = await owner.request('POST', `/api/codebook-undo/${del.json().undoId}`);
    expect(undo.statusCode).toBe(200);
    expect(undo.json()).toMatchObject({ name: 'Between peers', parentId: null });
    const doc = (await owner.request('GET', `/api/documents/${p.documentId}`)).json();
    expect(doc.highlights.map((h: any) => h.quote)).toContain('between peers');
  });
});
