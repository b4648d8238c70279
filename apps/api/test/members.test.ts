import { describe, expect, it } from 'vitest';
import { addMember, createUser, setupOwner, startApp } from './helper';

const app = await startApp();
const owner = await setupOwner(app);

async function newProject() {
  return (await owner.request('POST', '/api/projects', { name: 'Members test' })).json();
}
const roleOf = async (projectId: string, userId: string) =>
  (await owner.request('GET', `/api/projects/${projectId}/members`))
    .json()
    .find((m: any) => m.userId === userId)?.role;

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
