import { beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app';
import {
  addMember,
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
let cy: Client;

beforeAll(async () => {
  app = await startApp();
  owner = await setupOwner(app);
  ann = await createUser(app, owner, 'Ann Coder');
  bo = await createUser(app, owner, 'Bo Coder');
  cy = await createUser(app, owner, 'Cy Viewer');
});

/** A project with `n` studies and Ann and Bo as coders, Cy as a viewer. */
async function team(n = 4) {
  const s = await createProjectWithStudy(owner, 'Peer workers felt like outsiders.');
  const base = `/api/projects/${s.project.id}`;
  const ids = [s.study.id];
  for (let i = 1; i < n; i++) {
    const res = await owner.request('POST', `${base}/studies`, { title: `Study ${i}`, text: 'x' });
    ids.push(res.json().id);
  }
  await addMember(owner, s.project.id, ann, 'coder');
  await addMember(owner, s.project.id, bo, 'coder');
  await addMember(owner, s.project.id, cy, 'viewer');
  return { ...s, base, studyIds: ids };
}

describe('POST /api/projects/:projectId/assignments', () => {
  it('gives every study to both coders, and says what already existed on a repeat', async () => {
    const t = await team(3);
    const body = { studyIds: t.studyIds, userIds: [ann.user.id, bo.user.id] };
    const first = await owner.request('POST', `${t.base}/assignments`, body);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toEqual({ created: 6, existing: 0 });
    const again = await owner.request('POST', `${t.base}/assignments`, body);
    expect(again.json()).toEqual({ created: 0, existing: 6 });
  });

  it('splits studies evenly when each study goes to one coder', async () => {
    const t = await team(4);
    await owner.request('POST', `${t.base}/assignments`, {
      studyIds: t.studyIds,
      userIds: [ann.user.id, bo.user.id],
      codersPerStudy: 1,
    });
    const { coders } = (await owner.request('GET', `${t.base}/assignments`)).json();
    const load = Object.fromEntries(
      coders.map((c: { name: string; assigned: number }) => [c.name, c.assigned]),
    );
    expect(load).toMatchObject({ 'Ann Coder': 2, 'Bo Coder': 2 });
  });

  it('refuses viewers, strangers and studies of other projects by name', async () => {
    const t = await team(1);
    const other = await createProjectWithStudy(owner);
    const cases: Array<[unknown, RegExp]> = [
      [{ studyIds: t.studyIds, userIds: [cy.user.id] }, /Cy Viewer is a viewer/],
      [{ studyIds: t.studyIds, userIds: ['nobody'] }, /"nobody" is not a member/],
      [{ studyIds: [other.study.id], userIds: [ann.user.id] }, /is not a study of this project/],
      [{ studyIds: [], userIds: [ann.user.id] }, /studyIds/],
    ];
    for (const [body, message] of cases) {
      const res = await owner.request('POST', `${t.base}/assignments`, body);
      expect(res.statusCode).toBe(400);
      expect(res.json().message).toMatch(message);
    }
  });

  it('is for owners and supervisors only', async () => {
    const t = await team(1);
    const res = await ann.request('POST', `${t.base}/assignments`, {
      studyIds: t.studyIds,
      userIds: [ann.user.id],
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('a coder works through their queue', () => {
  it('sees only their own assignments, with their highlights, and marks one done', async () => {
    const t = await team(2);
    await owner.request('POST', `${t.base}/assignments`, {
      studyIds: t.studyIds,
      userIds: [ann.user.id, bo.user.id],
    });
    await createHighlight(ann, t.documentId, 'outsiders', [t.code.id]);
    const mine = (await ann.request('GET', `${t.base}/assignments`)).json();
    expect(mine.assignments.every((a: { userId: string }) => a.userId === ann.user.id)).toBe(true);
    expect(mine.assignments).toHaveLength(2);
    expect(
      mine.assignments.find((a: { studyId: string }) => a.studyId === t.study.id),
    ).toMatchObject({ highlights: 1, doneAt: null });
    const done = await ann.request(
      'PUT',
      `/api/studies/${t.study.id}/assignments/${ann.user.id}/done`,
      { done: true },
    );
    expect(done.statusCode).toBe(200);
    expect(done.json().doneAt).not.toBeNull();
    const progress = (await owner.request('GET', `${t.base}/assignments`)).json();
    const annRow = progress.coders.find((c: { userId: string }) => c.userId === ann.user.id);
    expect(annRow).toMatchObject({ assigned: 2, done: 1, started: 1 });
    const boRow = progress.coders.find((c: { userId: string }) => c.userId === bo.user.id);
    expect(boRow).toMatchObject({ assigned: 2, done: 0, started: 0 });
  });

  it("cannot mark another coder's study done, nor reach another project's", async () => {
    const t = await team(1);
    await owner.request('POST', `${t.base}/assignments`, {
      studyIds: t.studyIds,
      userIds: [ann.user.id, bo.user.id],
    });
    const url = `/api/studies/${t.study.id}/assignments/${bo.user.id}/done`;
    expect((await ann.request('PUT', url, { done: true })).statusCode).toBe(403);
    const stranger = await createUser(app, owner, 'Stranger');
    expect((await stranger.request('PUT', url, { done: true })).statusCode).toBe(404);
    expect((await stranger.request('GET', `${t.base}/assignments`)).statusCode).toBe(404);
  });

  it('can be unassigned by the owner', async () => {
    const t = await team(1);
    await owner.request('POST', `${t.base}/assignments`, {
      studyIds: t.studyIds,
      userIds: [ann.user.id],
    });
    const url = `/api/studies/${t.study.id}/assignments/${ann.user.id}`;
    expect((await ann.request('DELETE', url)).statusCode).toBe(403);
    expect((await owner.request('DELETE', url)).statusCode).toBe(204);
    expect((await owner.request('DELETE', url)).statusCode).toBe(404);
    expect((await ann.request('GET', `${t.base}/assignments`)).json().assignments).toEqual([]);
  });
});
