import { beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app';
import {
  addMember,
  createCode,
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
let vi: Client;
let outsider: Client;

beforeAll(async () => {
  app = await startApp();
  owner = await setupOwner(app);
  ann = await createUser(app, owner, 'Ann Coder');
  bo = await createUser(app, owner, 'Bo Coder');
  vi = await createUser(app, owner, 'Vi Viewer');
  outsider = await createUser(app, owner, 'Out Sider');
});

async function team() {
  const s = await createProjectWithStudy(owner, 'Peer workers felt like outsiders.');
  await addMember(owner, s.project.id, ann, 'coder');
  await addMember(owner, s.project.id, bo, 'coder');
  await addMember(owner, s.project.id, vi, 'viewer');
  return { ...s, base: `/api/projects/${s.project.id}/memos` };
}

const put = (c: Client, base: string, body: object) => c.request('PUT', base, body);
const read = async (c: Client, base: string, q: string) =>
  (await c.request('GET', `${base}?${q}`)).json().memos as Array<{
    userName: string;
    text: string;
    on: string;
    targetId: string | null;
  }>;

describe('memos on the project, a study, a document and a code', () => {
  it('stores each author’s own memo per target, edits it in place and deletes it when blank', async () => {
    const t = await team();
    const first = await put(ann, t.base, { on: 'study', id: t.study.id, text: 'Outsider theme' });
    expect(first.statusCode).toBe(200);
    expect(first.json().memo).toMatchObject({
      on: 'study',
      targetId: t.study.id,
      text: 'Outsider theme',
    });
    await put(ann, t.base, { on: 'study', id: t.study.id, text: 'Outsider theme, strong' });
    await put(bo, t.base, { on: 'study', id: t.study.id, text: 'Bo: compare with Grim' });
    const memos = await read(owner, t.base, `on=study&id=${t.study.id}`);
    expect(memos.map((m) => [m.userName, m.text])).toEqual([
      ['Ann Coder', 'Outsider theme, strong'],
      ['Bo Coder', 'Bo: compare with Grim'],
    ]);
    // The caller's own comes first.
    expect((await read(bo, t.base, `on=study&id=${t.study.id}`))[0]!.userName).toBe('Bo Coder');
    const blank = await put(ann, t.base, { on: 'study', id: t.study.id, text: '  \n' });
    expect(blank.json()).toEqual({ memo: null });
    expect((await read(owner, t.base, `on=study&id=${t.study.id}`)).map((m) => m.userName)).toEqual(
      ['Bo Coder'],
    );
  });

  it('keeps project, document and code memos apart, with their non-ASCII text intact', async () => {
    const t = await team();
    const text = 'Återhämtning 🌱 — “recovery” in Swedish';
    await put(owner, t.base, { on: 'project', text: `P: ${text}` });
    await put(owner, t.base, { on: 'document', id: t.documentId, text: `D: ${text}` });
    await put(owner, t.base, { on: 'code', id: t.code.id, text: `C: ${text}` });
    expect((await read(owner, t.base, 'on=project'))[0]!.text).toBe(`P: ${text}`);
    expect((await read(owner, t.base, `on=document&id=${t.documentId}`))[0]!.text).toBe(
      `D: ${text}`,
    );
    expect((await read(owner, t.base, `on=code&id=${t.code.id}`))[0]!.text).toBe(`C: ${text}`);
    expect(await read(owner, t.base, `on=study&id=${t.study.id}`)).toEqual([]);
  });

  it('lists every memo of the project with what each is about', async () => {
    const t = await team();
    await put(owner, t.base, { on: 'project', text: 'plan' });
    await put(ann, t.base, { on: 'document', id: t.documentId, text: 'doc' });
    await put(ann, t.base, { on: 'code', id: t.code.id, text: 'code' });
    const all = (await owner.request('GET', t.base)).json().memos as Array<Record<string, unknown>>;
    expect(
      all
        .map((m) => [m.on, m.targetLabel, m.studyId, m.text])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    ).toEqual([
      ['code', 'Role clarity', null, 'code'],
      ['document', 'text of A study', t.study.id, 'doc'],
      ['project', '', null, 'plan'],
    ]);
  });

  it('refuses a target of another project, a missing id and an id on the project memo', async () => {
    const t = await team();
    const other = await createProjectWithStudy(owner);
    const wrong = await put(owner, t.base, { on: 'study', id: other.study.id, text: 'x' });
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json().message).toBe('Study not found');
    expect((await owner.request('GET', `${t.base}?on=code&id=${other.code.id}`)).statusCode).toBe(
      404,
    );
    const noId = await put(owner, t.base, { on: 'document', text: 'x' });
    expect(noId.statusCode).toBe(400);
    expect(noId.json().message).toMatch(/^id: /);
    expect(
      (await put(owner, t.base, { on: 'project', id: t.study.id, text: 'x' })).statusCode,
    ).toBe(400);
    expect((await put(owner, t.base, { on: 'highlight', id: 'x', text: 'x' })).statusCode).toBe(
      400,
    );
  });

  it('lets viewers read but not write, and outsiders do neither', async () => {
    const t = await team();
    await put(ann, t.base, { on: 'project', text: 'Ann on the project' });
    expect((await read(vi, t.base, 'on=project')).map((m) => m.text)).toEqual([
      'Ann on the project',
    ]);
    const refused = await put(vi, t.base, { on: 'project', text: 'viewer memo' });
    expect(refused.statusCode).toBe(403);
    expect((await outsider.request('GET', `${t.base}?on=project`)).statusCode).toBe(404);
    expect((await put(outsider, t.base, { on: 'project', text: 'x' })).statusCode).toBe(404);
  });

  it('with independent coding, a coder reads their own and the supervisors’ memos, not another coder’s', async () => {
    const t = await team();
    await owner.request('PATCH', `/api/projects/${t.project.id}`, { independentCoding: true });
    await put(ann, t.base, { on: 'study', id: t.study.id, text: 'Ann sees outsiders' });
    await put(bo, t.base, { on: 'study', id: t.study.id, text: 'Bo sees belonging' });
    await put(owner, t.base, { on: 'study', id: t.study.id, text: 'Owner: code both readings' });
    const q = `on=study&id=${t.study.id}`;
    expect((await read(ann, t.base, q)).map((m) => m.userName)).toEqual(['Ann Coder', 'Owner']);
    expect((await read(bo, t.base, q)).map((m) => m.userName)).toEqual(['Bo Coder', 'Owner']);
    expect((await read(owner, t.base, q)).map((m) => m.userName)).toEqual([
      'Owner',
      'Ann Coder',
      'Bo Coder',
    ]);
  });

  it('go with a deleted study, and follow a merged code (one memo per author, both texts kept)', async () => {
    const t = await team();
    const other = await createCode(owner, t.project.id, 'Belonging');
    await put(ann, t.base, { on: 'code', id: other.id, text: 'belonging memo' });
    await put(ann, t.base, { on: 'code', id: t.code.id, text: 'role memo' });
    await put(bo, t.base, { on: 'code', id: other.id, text: 'bo on belonging' });
    const merged = await owner.request('POST', `/api/codes/${other.id}/merge`, {
      intoCodeId: t.code.id,
    });
    expect(merged.statusCode).toBe(200);
    const memos = await read(owner, t.base, `on=code&id=${t.code.id}`);
    expect(memos.map((m) => [m.userName, m.text])).toEqual([
      ['Ann Coder', 'role memo\n\nBelonging: belonging memo'],
      ['Bo Coder', 'bo on belonging'],
    ]);
    await put(ann, t.base, { on: 'study', id: t.study.id, text: 'gone soon' });
    expect((await owner.request('DELETE', `/api/studies/${t.study.id}`)).statusCode).toBe(204);
    expect((await owner.request('GET', `${t.base}?on=study&id=${t.study.id}`)).statusCode).toBe(
      404,
    );
  });
});
