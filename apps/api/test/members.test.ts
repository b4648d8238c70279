import { describe, expect, it } from 'vitest';
import { addMember, createUser, setupOwner, startApp, uniqueEmail } from './helper';

const app = await startApp();
const owner = await setupOwner(app);

async function newProject() {
  return (await owner.request('POST', '/api/projects', { name: 'Members test' })).json();
}
const roleOf = async (projectId: string, userId: string) =>
  (await owner.request('GET', `/api/projects/${projectId}/members`))
    .json()
    .find((m: any) => m.userId === userId)?.role;

describe('POST /api/projects/:projectId/members', () => {
  it('rejects an unknown role and an e-mail without an account', async () => {
    const project = await newProject();
    const coder = await createUser(app, owner);
    const badRole = await owner.request('POST', `/api/projects/${project.id}/members`, {
      email: coder.user.email,
      role: 'admin',
    });
    expect(badRole.statusCode).toBe(400);
    const email = uniqueEmail('ghost');
    const unknown = await owner.request('POST', `/api/projects/${project.id}/members`, {
      email,
      role: 'coder',
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().message).toContain(email);
  });

  it('adds a member, who then sees the project with that role', async () => {
    const project = await newProject();
    const coder = await createUser(app, owner, 'Siri');
    const res = await owner.request('POST', `/api/projects/${project.id}/members`, {
      email: coder.user.email.toUpperCase(),
      role: 'coder',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ userId: coder.user.id, name: 'Siri', role: 'coder' });
    expect((await coder.request('GET', `/api/projects/${project.id}`)).json().role).toBe('coder');
  });

  it('lets a supervisor add coders but not owners, and a coder add no one', async () => {
    const project = await newProject();
    const supervisor = await createUser(app, owner);
    const coder = await createUser(app, owner);
    const newcomer = await createUser(app, owner);
    await addMember(owner, project.id, supervisor, 'supervisor');
    await addMember(owner, project.id, coder, 'coder');
    const url = `/api/projects/${project.id}/members`;
    const email = newcomer.user.email;
    expect((await coder.request('POST', url, { email, role: 'viewer' })).statusCode).toBe(403);
    expect((await supervisor.request('POST', url, { email, role: 'owner' })).statusCode).toBe(403);
    expect((await supervisor.request('POST', url, { email, role: 'coder' })).statusCode).toBe(201);
  });

  it('does not let a supervisor demote an owner by adding them again', async () => {
    const project = await newProject();
    const coOwner = await createUser(app, owner);
    const supervisor = await createUser(app, owner);
    await addMember(owner, project.id, coOwner, 'owner');
    await addMember(owner, project.id, supervisor, 'supervisor');
    const res = await supervisor.request('POST', `/api/projects/${project.id}/members`, {
      email: coOwner.user.email,
      role: 'viewer',
    });
    expect(res.statusCode).toBe(403);
    expect(await roleOf(project.id, coOwner.user.id)).toBe('owner');
  });
});

describe('PATCH /api/projects/:projectId/members/:userId', () => {
  it('changes a role', async () => {
    const project = await newProject();
    const coder = await createUser(app, owner);
    await addMember(owner, project.id, coder, 'coder');
    const res = await owner.request(
      'PATCH',
      `/api/projects/${project.id}/members/${coder.user.id}`,
      {
        role: 'supervisor',
      },
    );
    expect(res.statusCode).toBe(200);
    expect(await roleOf(project.id, coder.user.id)).toBe('supervisor');
  });

  it('keeps at least one owner', async () => {
    const project = await newProject();
    const res = await owner.request(
      'PATCH',
      `/api/projects/${project.id}/members/${owner.user.id}`,
      {
        role: 'coder',
      },
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/at least one owner/);
    expect(await roleOf(project.id, owner.user.id)).toBe('owner');
  });

  it('does not let a supervisor make or unmake owners', async () => {
    const project = await newProject();
    const supervisor = await createUser(app, owner);
    await addMember(owner, project.id, supervisor, 'supervisor');
    const self = `/api/projects/${project.id}/members/${supervisor.user.id}`;
    expect((await supervisor.request('PATCH', self, { role: 'owner' })).statusCode).toBe(403);
    const ownerUrl = `/api/projects/${project.id}/members/${owner.user.id}`;
    expect((await supervisor.request('PATCH', ownerUrl, { role: 'viewer' })).statusCode).toBe(403);
    expect(await roleOf(project.id, owner.user.id)).toBe('owner');
  });

  it('answers 404 for someone who is not a member', async () => {
    const project = await newProject();
    const stranger = await createUser(app, owner);
    const res = await owner.request(
      'PATCH',
      `/api/projects/${project.id}/members/${stranger.user.id}`,
      { role: 'coder' },
    );
    expect(res.statusCode).toBe(404);
  });
});

describe('DELETE /api/projects/:projectId/members/:userId', () => {
  it('removes a member, who then gets 404 for the project', async () => {
    const project = await newProject();
    const coder = await createUser(app, owner);
    await addMember(owner, project.id, coder, 'coder');
    const res = await owner.request(
      'DELETE',
      `/api/projects/${project.id}/members/${coder.user.id}`,
    );
    expect(res.statusCode).toBe(204);
    expect((await coder.request('GET', `/api/projects/${project.id}`)).statusCode).toBe(404);
  });

  it('does not remove the last owner, nor let a supervisor remove an owner', async () => {
    const project = await newProject();
    const supervisor = await createUser(app, owner);
    await addMember(owner, project.id, supervisor, 'supervisor');
    const url = `/api/projects/${project.id}/members/${owner.user.id}`;
    expect((await supervisor.request('DELETE', url)).statusCode).toBe(403);
    expect((await owner.request('DELETE', url)).statusCode).toBe(400);
    expect(await roleOf(project.id, owner.user.id)).toBe('owner');
  });
});
