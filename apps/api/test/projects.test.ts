import { describe, expect, it } from 'vitest';
import {
  addMember,
  createCode,
  createHighlight,
  createProjectWithStudy,
  createUser,
  SAME_ORIGIN,
  setupOwner,
  startApp,
  type Client,
} from './helper';

const app = await startApp();
const owner = await setupOwner(app);

const TEXT = 'Kari Nordmann i Bodø sa: “Vi hjelper hverandre” — 互助 🤝.';

/** A project with a study, two codes and one highlight by the owner, plus `member` with `role`. */
async function projectWith(member: Client | null, role?: 'supervisor' | 'coder' | 'viewer') {
  const base = await createProjectWithStudy(owner, TEXT);
  const other = await createCode(owner, base.project.id, 'Mutual help');
  const highlight = await createHighlight(owner, base.documentId, 'Vi hjelper hverandre', [
    base.code.id,
  ]);
  if (member && role) await addMember(owner, base.project.id, member, role);
  return { ...base, other, highlight };
}

describe('POST /api/projects', () => {
  it('requires a signed-in caller', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/projects',
      headers: SAME_ORIGIN,
      payload: { name: 'x' },
    });
    expect(res.statusCode).toBe(401);
  });

  it.each([[''], ['   ']])('rejects the blank name %j with 400', async (name) => {
    const res = await owner.request('POST', '/api/projects', { name });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/name/);
  });

  it('creates a project owned by the caller and lists it', async () => {
    const res = await owner.request('POST', '/api/projects', { name: '  Peer support in Ørsta ' });
    expect(res.statusCode).toBe(201);
    const project = res.json();
    expect(project).toMatchObject({
      name: 'Peer support in Ørsta',
      role: 'owner',
      studyCount: 0,
      coderCanEditCodebook: false,
    });
    const list = (await owner.request('GET', '/api/projects')).json();
    expect(list.map((p: any) => p.id)).toContain(project.id);
  });

  it("lists only the caller's projects, each with the caller's role", async () => {
    const coder = await createUser(app, owner);
    const { project } = await projectWith(coder, 'coder');
    await projectWith(null);
    const list = (await coder.request('GET', '/api/projects')).json();
    expect(list).toEqual([
      expect.objectContaining({ id: project.id, role: 'coder', studyCount: 1 }),
    ]);
  });
});

describe('PATCH and DELETE /api/projects/:projectId', () => {
  it('lets the owner rename and change the coder setting', async () => {
    const { project } = await projectWith(null);
    const res = await owner.request('PATCH', `/api/projects/${project.id}`, {
      name: 'Renamed',
      coderCanEditCodebook: true,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: 'Renamed', coderCanEditCodebook: true });
    expect((await owner.request('GET', `/api/projects/${project.id}`)).json().name).toBe('Renamed');
  });

  it('accepts an empty patch and changes nothing', async () => {
    const { project } = await projectWith(null);
    const res = await owner.request('PATCH', `/api/projects/${project.id}`, {});
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: project.name, coderCanEditCodebook: false });
  });

  it('refuses (403) a supervisor renaming or deleting the project', async () => {
    const supervisor = await createUser(app, owner);
    const { project } = await projectWith(supervisor, 'supervisor');
    expect(
      (await supervisor.request('PATCH', `/api/projects/${project.id}`, { name: 'Mine' }))
        .statusCode,
    ).toBe(403);
    expect((await supervisor.request('DELETE', `/api/projects/${project.id}`)).statusCode).toBe(
      403,
    );
    expect((await owner.request('GET', `/api/projects/${project.id}`)).json().name).toBe(
      project.name,
    );
  });

  it('deletes a project with its studies, documents and codes', async () => {
    const { project, study, documentId, code } = await projectWith(null);
    expect((await owner.request('DELETE', `/api/projects/${project.id}`)).statusCode).toBe(204);
    for (const url of [
      `/api/projects/${project.id}`,
      `/api/studies/${study.id}`,
      `/api/documents/${documentId}`,
    ])
      expect((await owner.request('GET', url)).statusCode, url).toBe(404);
    expect((await owner.request('PATCH', `/api/codes/${code.id}`, { name: 'x' })).statusCode).toBe(
      404,
    );
  });
});

describe('a user outside the project', () => {
  it('gets 404 on every project-scoped path, read or write, and changes nothing', async () => {
    const outsider = await createUser(app, owner, 'Outsider');
    const { project, study, documentId, code, other, highlight } = await projectWith(null);
    const p = project.id;
    const span = { start: 0, end: 4, quote: 'Kari', codeIds: [code.id] };
    const calls: Array<[Parameters<Client['request']>[0], string, unknown?]> = [
      ['GET', `/api/projects/${p}`],
      ['PATCH', `/api/projects/${p}`, { name: 'Taken' }],
      ['DELETE', `/api/projects/${p}`],
      ['GET', `/api/projects/${p}/members`],
      ['GET', `/api/projects/${p}/invitations`],
      ['POST', `/api/projects/${p}/invitations`, { email: outsider.user.email, role: 'owner' }],
      ['GET', `/api/projects/${p}/studies`],
      ['POST', `/api/projects/${p}/studies`, { title: 'x', text: 'y' }],
      ['GET', `/api/studies/${study.id}`],
      ['PATCH', `/api/studies/${study.id}`, { title: 'x' }],
      ['DELETE', `/api/studies/${study.id}`],
      ['GET', `/api/documents/${documentId}`],
      ['GET', `/api/projects/${p}/codes`],
      ['POST', `/api/projects/${p}/codes`, { name: 'x' }],
      ['PATCH', `/api/codes/${code.id}`, { name: 'x' }],
      ['DELETE', `/api/codes/${code.id}?highlights=delete`],
      ['POST', `/api/codes/${code.id}/merge`, { intoCodeId: other.id }],
      ['POST', `/api/documents/${documentId}/highlights`, span],
      ['PATCH', `/api/highlights/${highlight.id}`, { memo: 'x' }],
      ['DELETE', `/api/highlights/${highlight.id}`],
    ];
    for (const [method, url, body] of calls) {
      const res = await outsider.request(method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(res.json().message).not.toMatch(/member/i);
    }
    const doc = (await owner.request('GET', `/api/documents/${documentId}`)).json();
    expect(doc.highlights).toEqual([expect.objectContaining({ id: highlight.id, memo: null })]);
    expect((await owner.request('GET', `/api/projects/${p}/codes`)).json()).toHaveLength(2);
    expect((await owner.request('GET', `/api/projects/${p}`)).json().name).toBe(project.name);
  });

  it('gets the same 404 for an id that does not exist at all', async () => {
    const outsider = await createUser(app, owner, 'Prober');
    const { project } = await projectWith(null);
    const real = await outsider.request('GET', `/api/projects/${project.id}`);
    const fake = await outsider.request('GET', `/api/projects/does-not-exist`);
    expect(real.statusCode).toBe(fake.statusCode);
    expect(real.json().message).toBe(fake.json().message);
  });
});

describe('roles', () => {
  it('lets a viewer read everything and change nothing (403)', async () => {
    const viewer = await createUser(app, owner, 'Viewer');
    const { project, study, documentId, code, other, highlight } = await projectWith(
      viewer,
      'viewer',
    );
    const p = project.id;
    for (const url of [
      `/api/projects/${p}`,
      `/api/projects/${p}/members`,
      `/api/projects/${p}/studies`,
      `/api/studies/${study.id}`,
      `/api/documents/${documentId}`,
      `/api/projects/${p}/codes`,
    ])
      expect((await viewer.request('GET', url)).statusCode, url).toBe(200);
    const writes: Array<[Parameters<Client['request']>[0], string, unknown?]> = [
      ['PATCH', `/api/projects/${p}`, { name: 'x' }],
      ['POST', `/api/projects/${p}/invitations`, { email: viewer.user.email, role: 'coder' }],
      ['POST', `/api/projects/${p}/studies`, { title: 'x', text: 'y' }],
      ['PATCH', `/api/studies/${study.id}`, { title: 'x' }],
      ['DELETE', `/api/studies/${study.id}`],
      ['POST', `/api/projects/${p}/codes`, { name: 'x' }],
      ['PATCH', `/api/codes/${code.id}`, { name: 'x' }],
      ['DELETE', `/api/codes/${code.id}?highlights=delete`],
      ['POST', `/api/codes/${code.id}/merge`, { intoCodeId: other.id }],
      [
        'POST',
        `/api/documents/${documentId}/highlights`,
        { start: 0, end: 4, quote: 'Kari', codeIds: [code.id] },
      ],
      ['PATCH', `/api/highlights/${highlight.id}`, { memo: 'x' }],
      ['DELETE', `/api/highlights/${highlight.id}`],
    ];
    for (const [method, url, body] of writes)
      expect((await viewer.request(method, url, body)).statusCode, `${method} ${url}`).toBe(403);
    const doc = (await owner.request('GET', `/api/documents/${documentId}`)).json();
    expect(doc.highlights).toHaveLength(1);
  });

  it('lets a coder code but not change the codebook, studies or members', async () => {
    const coder = await createUser(app, owner, 'Coder');
    const { project, study, documentId, code } = await projectWith(coder, 'coder');
    const mine = await createHighlight(coder, documentId, 'Bodø', [code.id]);
    expect(mine.coderId).toBe(coder.user.id);
    for (const [method, url, body] of [
      ['POST', `/api/projects/${project.id}/codes`, { name: 'Coder code' }],
      ['PATCH', `/api/codes/${code.id}`, { name: 'Renamed' }],
      ['POST', `/api/projects/${project.id}/studies`, { title: 'x', text: 'y' }],
      ['DELETE', `/api/studies/${study.id}`],
      [
        'POST',
        `/api/projects/${project.id}/invitations`,
        { email: 'someone@example.org', role: 'viewer' },
      ],
    ] as const)
      expect((await coder.request(method, url, body)).statusCode, `${method} ${url}`).toBe(403);
  });

  it('lets a coder change the codebook once the owner allows it', async () => {
    const coder = await createUser(app, owner, 'Coder');
    const { project, code } = await projectWith(coder, 'coder');
    await owner.request('PATCH', `/api/projects/${project.id}`, { coderCanEditCodebook: true });
    const created = await coder.request('POST', `/api/projects/${project.id}/codes`, {
      name: 'Coder code',
    });
    expect(created.statusCode).toBe(201);
    const renamed = await coder.request('PATCH', `/api/codes/${code.id}`, { name: 'Renamed' });
    expect(renamed.statusCode).toBe(200);
    // …but still cannot manage studies or the project.
    expect(
      (await coder.request('PATCH', `/api/projects/${project.id}`, { name: 'x' })).statusCode,
    ).toBe(403);
  });

  it("lets a coder change and delete only their own highlights; a supervisor anyone's", async () => {
    const coder = await createUser(app, owner, 'Coder');
    const supervisor = await createUser(app, owner, 'Supervisor');
    const { project, documentId, code, other, highlight } = await projectWith(coder, 'coder');
    await addMember(owner, project.id, supervisor, 'supervisor');
    const mine = await createHighlight(coder, documentId, 'Bodø', [code.id]);

    const theirs = `/api/highlights/${highlight.id}`;
    expect((await coder.request('PATCH', theirs, { memo: 'x' })).statusCode).toBe(403);
    expect((await coder.request('DELETE', theirs)).statusCode).toBe(403);

    const own = `/api/highlights/${mine.id}`;
    expect((await coder.request('PATCH', own, { codeIds: [other.id] })).statusCode).toBe(200);
    expect((await supervisor.request('PATCH', theirs, { memo: 'checked' })).statusCode).toBe(200);
    expect((await supervisor.request('DELETE', own)).statusCode).toBe(204);
    const doc = (await owner.request('GET', `/api/documents/${documentId}`)).json();
    expect(doc.highlights).toEqual([
      expect.objectContaining({ id: highlight.id, memo: 'checked' }),
    ]);
  });
});
