import { describe, expect, it } from 'vitest';
import {
  createCode,
  createHighlight,
  createProjectWithStudy,
  setupOwner,
  startApp,
} from './helper';

const app = await startApp();
const owner = await setupOwner(app);

const TEXT = 'Trust grew slowly. Stigma faded. Åsa felt “seen” — 被理解.';

/** A project with a study but no codes yet (the helper's default code is deleted). */
async function emptyCodebook() {
  const base = await createProjectWithStudy(owner, TEXT);
  await owner.request('DELETE', `/api/codes/${base.code.id}`);
  return { projectId: base.project.id as string, documentId: base.documentId };
}
const codesOf = async (projectId: string) =>
  (await owner.request('GET', `/api/projects/${projectId}/codes`)).json() as Promise<any[]>;
const byId = async (projectId: string, id: string) =>
  (await codesOf(projectId)).find((c) => c.id === id);
const highlightsOf = async (documentId: string) =>
  (await owner.request('GET', `/api/documents/${documentId}`)).json().highlights as any[];
/** Sibling names in display order. */
const childrenOf = async (projectId: string, parentId: string | null) =>
  (await codesOf(projectId))
    .filter((c) => c.parentId === parentId)
    .sort((a, b) => a.position - b.position)
    .map((c) => c.name);

describe('POST /api/projects/:projectId/codes', () => {
  it('rejects a blank name and a parent that is not a code of this project', async () => {
    const { projectId } = await emptyCodebook();
    const other = await emptyCodebook();
    const foreign = await createCode(owner, other.projectId, 'Foreign');
    const blank = await owner.request('POST', `/api/projects/${projectId}/codes`, { name: ' ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().message).toMatch(/name must not be blank/);
    for (const parentId of ['no-such-code', foreign.id]) {
      const res = await owner.request('POST', `/api/projects/${projectId}/codes`, {
        name: 'Child',
        parentId,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().message).toMatch(/parentId/);
    }
    expect(await codesOf(projectId)).toEqual([]);
  });

  it('creates codes at the top level and under a parent, appended in order', async () => {
    const { projectId } = await emptyCodebook();
    const theme = await createCode(owner, projectId, 'Relationships');
    const res = await owner.request('POST', `/api/projects/${projectId}/codes`, {
      name: '  Trust ',
      parentId: theme.id,
      color: '#123abc',
      description: 'Participants describe trusting the peer worker.',
      keywords: ['trust', 'tillit'],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      projectId,
      parentId: theme.id,
      name: 'Trust',
      color: '#123abc',
      keywords: ['trust', 'tillit'],
      highlightCount: 0,
    });
    await createCode(owner, projectId, 'Safety', { parentId: theme.id });
    expect(await childrenOf(projectId, theme.id)).toEqual(['Trust', 'Safety']);
    expect(theme.color).toMatch(/^#[0-9A-Fa-f]{6}$/);
  });

  it('gives new codes different colours', async () => {
    const { projectId } = await emptyCodebook();
    const a = await createCode(owner, projectId, 'A');
    const b = await createCode(owner, projectId, 'B');
    expect((await byId(projectId, a.id)).color).not.toBe((await byId(projectId, b.id)).color);
  });

  it('colours a code inside a theme with a shade of the theme’s colour, its siblings apart', async () => {
    const { projectId } = await emptyCodebook();
    const theme = await createCode(owner, projectId, 'Stigma');
    const kids = [];
    for (const name of ['Staff', 'Self', 'Public'])
      kids.push(await createCode(owner, projectId, name, { parentId: theme.id }));
    const grandchild = await createCode(owner, projectId, 'On the ward', { parentId: kids[0]!.id });
    const hue = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255);
      const max = Math.max(r!, g!, b!);
      const d = max - Math.min(r!, g!, b!);
      const h = max === r ? (g! - b!) / d : max === g ? (b! - r!) / d + 2 : (r! - g!) / d + 4;
      return (h * 60 + 360) % 360;
    };
    const colours = [...kids, grandchild].map((k) => k.color);
    expect(new Set([theme.color, ...colours]).size).toBe(5);
    for (const c of colours) expect(Math.abs(hue(c) - hue(theme.color))).toBeLessThan(4);
  });

  it.each([
    ['the same name', 'Återhämtning'],
    ['another letter case', 'ÅTERHÄMTNING'],
    ['extra spaces', '  Återhämtning  '],
    ['a decomposed Å', 'A\u030aterhämtning'],
  ])('refuses a sibling with %s (409, naming the clash)', async (_, name) => {
    const { projectId } = await emptyCodebook();
    await createCode(owner, projectId, 'Återhämtning');
    const res = await owner.request('POST', `/api/projects/${projectId}/codes`, { name });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toMatch(/"Återhämtning" already exists at the top level/);
    expect(await codesOf(projectId)).toHaveLength(1);
  });

  it('allows the same name under different parents', async () => {
    const { projectId } = await emptyCodebook();
    const a = await createCode(owner, projectId, 'Staff');
    const b = await createCode(owner, projectId, 'Users');
    await createCode(owner, projectId, 'Trust', { parentId: a.id });
    const res = await owner.request('POST', `/api/projects/${projectId}/codes`, {
      name: 'Trust',
      parentId: b.id,
    });
    expect(res.statusCode).toBe(201);
    const clash = await owner.request('POST', `/api/projects/${projectId}/codes`, {
      name: 'trust',
      parentId: a.id,
    });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().message).toMatch(/under "Staff"/);
  });
});

describe('PATCH /api/codes/:codeId', () => {
  it('renames, and allows changing only the letter case', async () => {
    const { projectId } = await emptyCodebook();
    const code = await createCode(owner, projectId, 'stigma');
    const res = await owner.request('PATCH', `/api/codes/${code.id}`, { name: 'Stigma' });
    expect(res.statusCode).toBe(200);
    expect(res.json().name).toBe('Stigma');
  });

  it('refuses a rename onto a sibling name (409)', async () => {
    const { projectId } = await emptyCodebook();
    await createCode(owner, projectId, 'Trust');
    const code = await createCode(owner, projectId, 'Hope');
    const res = await owner.request('PATCH', `/api/codes/${code.id}`, { name: 'TRUST' });
    expect(res.statusCode).toBe(409);
    expect((await byId(projectId, code.id)).name).toBe('Hope');
  });

  it('moves a code under another parent, to the end of its new siblings', async () => {
    const { projectId } = await emptyCodebook();
    const a = await createCode(owner, projectId, 'A');
    const b = await createCode(owner, projectId, 'B');
    await createCode(owner, projectId, 'B1', { parentId: b.id });
    const res = await owner.request('PATCH', `/api/codes/${a.id}`, { parentId: b.id });
    expect(res.statusCode).toBe(200);
    expect(res.json().parentId).toBe(b.id);
    expect(await childrenOf(projectId, b.id)).toEqual(['B1', 'A']);
    expect(await childrenOf(projectId, null)).toEqual(['B']);
    const back = await owner.request('PATCH', `/api/codes/${a.id}`, { parentId: null });
    expect(back.json().parentId).toBeNull();
  });

  it('refuses a move under a code of another project (400)', async () => {
    const { projectId } = await emptyCodebook();
    const other = await emptyCodebook();
    const code = await createCode(owner, projectId, 'Code');
    const foreign = await createCode(owner, other.projectId, 'Foreign');
    const res = await owner.request('PATCH', `/api/codes/${code.id}`, { parentId: foreign.id });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/parentId/);
  });

  it('refuses a move next to a sibling of the same name (409)', async () => {
    const { projectId } = await emptyCodebook();
    const theme = await createCode(owner, projectId, 'Theme');
    await createCode(owner, projectId, 'Trust', { parentId: theme.id });
    const loose = await createCode(owner, projectId, 'Trust');
    const res = await owner.request('PATCH', `/api/codes/${loose.id}`, { parentId: theme.id });
    expect(res.statusCode).toBe(409);
    expect((await byId(projectId, loose.id)).parentId).toBeNull();
  });

  // docs/api-routes.md documents 409 for a cycle.
  it('refuses a move under itself or its own descendant (409, saying why)', async () => {
    const { projectId } = await emptyCodebook();
    const top = await createCode(owner, projectId, 'Top');
    const mid = await createCode(owner, projectId, 'Mid', { parentId: top.id });
    const leaf = await createCode(owner, projectId, 'Leaf', { parentId: mid.id });
    for (const parentId of [top.id, mid.id, leaf.id]) {
      const res = await owner.request('PATCH', `/api/codes/${top.id}`, { parentId });
      expect(res.statusCode).toBe(409);
      expect(res.json().message).toMatch(/under itself or one of its own sub-codes/);
    }
    expect((await byId(projectId, top.id)).parentId).toBeNull();
  });

  it('reorders siblings by position', async () => {
    const { projectId } = await emptyCodebook();
    await createCode(owner, projectId, 'A');
    await createCode(owner, projectId, 'B');
    const c = await createCode(owner, projectId, 'C');
    expect((await owner.request('PATCH', `/api/codes/${c.id}`, { position: 0 })).statusCode).toBe(
      200,
    );
    expect(await childrenOf(projectId, null)).toEqual(['C', 'A', 'B']);
    await owner.request('PATCH', `/api/codes/${c.id}`, { position: 1 });
    expect(await childrenOf(projectId, null)).toEqual(['A', 'C', 'B']);
    await owner.request('PATCH', `/api/codes/${c.id}`, { position: 99 });
    expect(await childrenOf(projectId, null)).toEqual(['A', 'B', 'C']);
  });

  it('moves and places a code in one request', async () => {
    const { projectId } = await emptyCodebook();
    const theme = await createCode(owner, projectId, 'Theme');
    await createCode(owner, projectId, 'First', { parentId: theme.id });
    const x = await createCode(owner, projectId, 'X');
    await owner.request('PATCH', `/api/codes/${x.id}`, { parentId: theme.id, position: 0 });
    expect(await childrenOf(projectId, theme.id)).toEqual(['X', 'First']);
  });
});

describe('POST /api/codes/:codeId/merge', () => {
  it('moves the highlights over, keeps one coding per highlight and removes the merged code', async () => {
    const { projectId, documentId } = await emptyCodebook();
    const from = await createCode(owner, projectId, 'Tillit');
    const into = await createCode(owner, projectId, 'Trust');
    const child = await createCode(owner, projectId, 'Slow trust', { parentId: from.id });
    const onlyFrom = await createHighlight(owner, documentId, 'Trust grew', [from.id]);
    const both = await createHighlight(owner, documentId, 'Stigma faded', [from.id, into.id]);

    const res = await owner.request('POST', `/api/codes/${from.id}/merge`, { intoCodeId: into.id });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: into.id, highlightCount: 2 });

    const highlights = await highlightsOf(documentId);
    expect(highlights.find((h) => h.id === onlyFrom.id).codeIds).toEqual([into.id]);
    expect(highlights.find((h) => h.id === both.id).codeIds).toEqual([into.id]);
    const codes = await codesOf(projectId);
    expect(codes.map((c) => c.id)).not.toContain(from.id);
    expect(codes.find((c) => c.id === child.id).parentId).toBe(into.id);
    expect((await owner.request('PATCH', `/api/codes/${from.id}`, { name: 'x' })).statusCode).toBe(
      404,
    );
  });

  it('merges a code into its own parent, even when a sub-code shares its name', async () => {
    const { projectId } = await emptyCodebook();
    const parent = await createCode(owner, projectId, 'Support');
    const code = await createCode(owner, projectId, 'Peers', { parentId: parent.id });
    await createCode(owner, projectId, 'peers', { parentId: code.id });
    const res = await owner.request('POST', `/api/codes/${code.id}/merge`, {
      intoCodeId: parent.id,
    });
    expect(res.statusCode).toBe(200);
    expect(await childrenOf(projectId, parent.id)).toEqual(['peers']);
  });

  it('refuses merging into itself, into a code of another project, or into its own sub-code', async () => {
    const { projectId } = await emptyCodebook();
    const other = await emptyCodebook();
    const code = await createCode(owner, projectId, 'Code');
    const sub = await createCode(owner, projectId, 'Sub', { parentId: code.id });
    const foreign = await createCode(owner, other.projectId, 'Foreign');
    for (const intoCodeId of [code.id, foreign.id, 'no-such-code']) {
      const res = await owner.request('POST', `/api/codes/${code.id}/merge`, { intoCodeId });
      expect(res.statusCode).toBe(400);
      expect(res.json().message).toMatch(/intoCodeId/);
    }
    const res = await owner.request('POST', `/api/codes/${code.id}/merge`, { intoCodeId: sub.id });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toMatch(/own sub-code/);
    expect(await codesOf(projectId)).toHaveLength(2);
  });

  it('refuses (409) when a sub-code would clash with a sub-code of the target', async () => {
    const { projectId } = await emptyCodebook();
    const a = await createCode(owner, projectId, 'A');
    const b = await createCode(owner, projectId, 'B');
    await createCode(owner, projectId, 'Same', { parentId: a.id });
    await createCode(owner, projectId, 'same', { parentId: b.id });
    const res = await owner.request('POST', `/api/codes/${a.id}/merge`, { intoCodeId: b.id });
    expect(res.statusCode).toBe(409);
    expect(await codesOf(projectId)).toHaveLength(4);
  });
});

describe('DELETE /api/codes/:codeId', () => {
  it('deletes an unused code; its sub-codes move up to its parent', async () => {
    const { projectId } = await emptyCodebook();
    const theme = await createCode(owner, projectId, 'Theme');
    const code = await createCode(owner, projectId, 'Code', { parentId: theme.id });
    const sub = await createCode(owner, projectId, 'Sub', { parentId: code.id });
    expect((await owner.request('DELETE', `/api/codes/${code.id}`)).statusCode).toBe(200);
    expect((await byId(projectId, sub.id)).parentId).toBe(theme.id);
    expect(await byId(projectId, code.id)).toBeUndefined();
  });

  it('asks what to do with the highlights of a code in use (409) and deletes nothing', async () => {
    const { projectId, documentId } = await emptyCodebook();
    const code = await createCode(owner, projectId, 'Trust');
    await createHighlight(owner, documentId, 'Trust grew', [code.id]);
    const res = await owner.request('DELETE', `/api/codes/${code.id}`);
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toMatch(/highlights=delete or highlights=move/);
    expect(await byId(projectId, code.id)).toBeDefined();
    expect(await highlightsOf(documentId)).toHaveLength(1);
  });

  it('with highlights=delete drops its codings and the highlights left without a code', async () => {
    const { projectId, documentId } = await emptyCodebook();
    const code = await createCode(owner, projectId, 'Trust');
    const keep = await createCode(owner, projectId, 'Stigma');
    await createHighlight(owner, documentId, 'Trust grew', [code.id]);
    const shared = await createHighlight(owner, documentId, 'Stigma faded', [code.id, keep.id]);
    const res = await owner.request('DELETE', `/api/codes/${code.id}?highlights=delete`);
    expect(res.statusCode).toBe(200);
    const left = await highlightsOf(documentId);
    expect(left.map((h) => [h.id, h.codeIds])).toEqual([[shared.id, [keep.id]]]);
  });

  it('with highlights=move gives its highlights to another code, once each', async () => {
    const { projectId, documentId } = await emptyCodebook();
    const code = await createCode(owner, projectId, 'Tillit');
    const target = await createCode(owner, projectId, 'Trust');
    await createHighlight(owner, documentId, 'Trust grew', [code.id]);
    await createHighlight(owner, documentId, 'Stigma faded', [code.id, target.id]);
    const res = await owner.request(
      'DELETE',
      `/api/codes/${code.id}?highlights=move&moveTo=${target.id}`,
    );
    expect(res.statusCode).toBe(200);
    expect((await highlightsOf(documentId)).map((h) => h.codeIds)).toEqual([
      [target.id],
      [target.id],
    ]);
    expect((await byId(projectId, target.id)).highlightCount).toBe(2);
  });

  it('with highlights=move refuses a missing, unknown or same moveTo (400)', async () => {
    const { projectId, documentId } = await emptyCodebook();
    const code = await createCode(owner, projectId, 'Trust');
    await createHighlight(owner, documentId, 'Trust grew', [code.id]);
    for (const query of ['', '&moveTo=no-such-code', `&moveTo=${code.id}`]) {
      const res = await owner.request('DELETE', `/api/codes/${code.id}?highlights=move${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().message).toMatch(/moveTo/);
    }
    expect(await highlightsOf(documentId)).toHaveLength(1);
  });

  it('refuses (409) when a sub-code moving up would clash with a code already there', async () => {
    const { projectId } = await emptyCodebook();
    await createCode(owner, projectId, 'Trust');
    const theme = await createCode(owner, projectId, 'Theme');
    const sub = await createCode(owner, projectId, 'trust', { parentId: theme.id });
    const res = await owner.request('DELETE', `/api/codes/${theme.id}`);
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toMatch(/already exists/);
    expect((await byId(projectId, sub.id)).parentId).toBe(theme.id);
  });

  it('allows a sub-code moving up to take the name of the code being deleted', async () => {
    const { projectId } = await emptyCodebook();
    const theme = await createCode(owner, projectId, 'Trust');
    const sub = await createCode(owner, projectId, 'trust', { parentId: theme.id });
    expect((await owner.request('DELETE', `/api/codes/${theme.id}`)).statusCode).toBe(200);
    expect((await byId(projectId, sub.id)).parentId).toBeNull();
  });
});
