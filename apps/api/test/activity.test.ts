import { describe, expect, it } from 'vitest';
import { describeChanges } from '../src/services/activity.service';
import {
  addMember,
  createCode,
  createUser,
  setupOwner,
  startApp,
  upload,
  uniqueEmail,
  type Client,
} from './helper';

const app = await startApp();
const owner = await setupOwner(app, 'Olivia');

const RIS = `TY  - JOUR
TI  - Peer workers and role clarity
AU  - Grim, Katarina
PY  - 2022
ER  - 
`;

async function newProject(name = 'Activity test') {
  return (await owner.request('POST', '/api/projects', { name })).json() as { id: string };
}
/** The log's entries as [action, subject, detail, actor], newest first. */
async function log(projectId: string, by: Client = owner) {
  const res = await by.request('GET', `/api/projects/${projectId}/activity?limit=200`);
  expect(res.statusCode).toBe(200);
  return res
    .json()
    .items.map((e: any) => [e.action, e.subject, e.detail, e.actorName]) as string[][];
}

describe('GET /api/projects/:projectId/activity', () => {
  it('records codebook changes with who made them, newest first', async () => {
    const project = await newProject();
    const code = await createCode(owner, project.id, 'Stigma');
    const other = await createCode(owner, project.id, 'Shame');
    await owner.request('PATCH', `/api/codes/${code.id}`, {
      name: 'Felt stigma',
      color: '#aa0000',
    });
    await owner.request('POST', `/api/codes/${other.id}/merge`, { intoCodeId: code.id });
    const deleted = await owner.request('DELETE', `/api/codes/${code.id}`);
    await owner.request('POST', `/api/codebook-undo/${deleted.json().undoId}`);
    expect(await log(project.id)).toEqual([
      ['code.restored', 'Felt stigma', 'delete undone', 'Olivia'],
      ['code.deleted', 'Felt stigma', null, 'Olivia'],
      ['code.merged', 'Shame', 'into “Felt stigma”', 'Olivia'],
      ['code.updated', 'Felt stigma', 'renamed from “Stigma”; changed colour', 'Olivia'],
      ['code.created', 'Shame', null, 'Olivia'],
      ['code.created', 'Stigma', null, 'Olivia'],
      ['project.created', 'Activity test', null, 'Olivia'],
    ]);
  });

  it('records studies created, edited, deleted and imported, and project settings', async () => {
    const project = await newProject();
    const base = `/api/projects/${project.id}`;
    const study = (
      await owner.request('POST', `${base}/studies`, { title: 'A', text: 'x' })
    ).json();
    await owner.request('PATCH', `/api/studies/${study.id}`, { title: 'B', year: 2021 });
    await owner.request('DELETE', `/api/studies/${study.id}`);
    const imported = await upload(app, owner, `${base}/imports?mode=commit`, [
      { name: 'peer.ris', content: RIS },
    ]);
    expect(imported.statusCode).toBe(201);
    const ids = (await owner.request('GET', `${base}/studies`)).json().map((s: any) => s.id);
    await owner.request('POST', `${base}/studies/delete?mode=commit`, { studyIds: ids });
    await owner.request('PATCH', base, { name: 'Renamed', independentCoding: true });
    expect((await log(project.id)).slice(0, 6)).toEqual([
      [
        'project.updated',
        'Renamed',
        'renamed from “Activity test”; independent coding on',
        'Olivia',
      ],
      ['studies.deleted', '1 study', 'with 0 documents and 0 highlights', 'Olivia'],
      ['studies.imported', 'peer.ris', '1 created, 0 updated, 0 skipped', 'Olivia'],
      ['study.deleted', 'B', null, 'Olivia'],
      ['study.updated', 'B', 'renamed from “A”; changed year', 'Olivia'],
      ['study.created', 'A', null, 'Olivia'],
    ]);
  });

  it('records a codebook imported from a file', async () => {
    const project = await newProject();
    const book = JSON.stringify({ codes: [{ name: 'Rollen', children: [{ name: 'Stöd' }] }] });
    const url = `/api/projects/${project.id}/codes/import?mode=commit`;
    const res = await upload(app, owner, url, [{ name: 'book.json', content: book }]);
    expect(res.statusCode, res.body).toBe(201);
    expect((await log(project.id))[0]).toEqual([
      'codebook.imported',
      'book.json',
      '2 codes added, 0 matched',
      'Olivia',
    ]);
  });

  it('records invitations and membership changes, each by whoever made them', async () => {
    const project = await newProject();
    const url = `/api/projects/${project.id}/invitations`;
    const sam = await createUser(app, owner, 'Sam');
    const ghost = uniqueEmail('ghost');
    await owner.request('POST', url, { email: ghost, role: 'viewer' });
    const { id } = (await owner.request('GET', url)).json()[0];
    await owner.request('DELETE', `${url}/${id}`);
    await addMember(owner, project.id, sam, 'coder');
    await owner.request('PATCH', `/api/projects/${project.id}/members/${sam.user.id}`, {
      role: 'supervisor',
    });
    await owner.request('DELETE', `/api/projects/${project.id}/members/${sam.user.id}`);
    const email = sam.user.email;
    expect((await log(project.id)).slice(0, 6)).toEqual([
      ['member.removed', email, 'was supervisor', 'Olivia'],
      ['member.updated', email, 'role coder → supervisor', 'Olivia'],
      ['invitation.accepted', email, 'joined as coder', 'Sam'],
      ['invitation.sent', email, 'as coder', 'Olivia'],
      ['invitation.withdrawn', ghost, 'was viewer', 'Olivia'],
      ['invitation.sent', ghost, 'as viewer', 'Olivia'],
    ]);
  });

  it('leaves no entry for a change that was refused, nor for one that changed nothing', async () => {
    const project = await newProject();
    const code = await createCode(owner, project.id, 'Stigma');
    const clash = await owner.request('POST', `/api/projects/${project.id}/codes`, {
      name: 'Stigma',
    });
    expect(clash.statusCode).toBe(409);
    await owner.request('PATCH', `/api/codes/${code.id}`, { name: 'Stigma' });
    expect((await log(project.id)).map((e) => e[0])).toEqual(['code.created', 'project.created']);
  });

  it('pages newest first with nextCursor', async () => {
    const project = await newProject();
    for (const name of ['A', 'B', 'C']) await createCode(owner, project.id, name);
    const url = `/api/projects/${project.id}/activity?limit=2`;
    const first = (await owner.request('GET', url)).json();
    expect(first.items.map((e: any) => e.subject)).toEqual(['C', 'B']);
    const second = (await owner.request('GET', `${url}&cursor=${first.nextCursor}`)).json();
    expect(second.items.map((e: any) => e.subject)).toEqual(['A', 'Activity test']);
    expect(second.nextCursor).toBeNull();
  });

  it('answers 403 to supervisors, coders and viewers, and 404 outside the project', async () => {
    const project = await newProject();
    const url = `/api/projects/${project.id}/activity`;
    for (const role of ['supervisor', 'coder', 'viewer'] as const) {
      const member = await createUser(app, owner);
      await addMember(owner, project.id, member, role);
      const res = await member.request('GET', url);
      expect(res.statusCode, role).toBe(403);
      expect(res.json().message).toBe('Only owners see the project’s activity log');
    }
    const outsider = await createUser(app, owner);
    expect((await outsider.request('GET', url)).statusCode).toBe(404);
  });
});

describe('describeChanges', () => {
  const labels = { name: 'name', color: 'colour', open: 'open' } as const;
  const before = { name: 'A', color: '#000000', open: false };

  it('tells a rename, a switch and the other fields, in the order of the labels', () => {
    expect(describeChanges(before, { color: '#ffffff', open: true, name: 'B' }, labels)).toBe(
      'renamed from “A”; open on; changed colour',
    );
  });

  it('is null when the patch is empty or sets what was there', () => {
    expect(describeChanges(before, {}, labels)).toBeNull();
    expect(describeChanges(before, { name: 'A', open: false }, labels)).toBeNull();
  });
});
