import { describe, expect, it } from 'vitest';
import {
  addMember,
  createUser,
  setupOwner,
  signIn,
  startApp,
  uniqueEmail,
  USER_PASSWORD,
  type Client,
} from './helper';

const app = await startApp();
const owner = await setupOwner(app, 'Olivia');

async function newProject(name = 'Invitations test') {
  return (await owner.request('POST', '/api/projects', { name })).json() as { id: string };
}
const invitationsUrl = (projectId: string) => `/api/projects/${projectId}/invitations`;
async function invite(by: Client, projectId: string, email: string, role = 'coder') {
  return by.request('POST', invitationsUrl(projectId), { email, role });
}
const memberIds = async (projectId: string) =>
  (await owner.request('GET', `/api/projects/${projectId}/members`))
    .json()
    .map((m: { userId: string }) => m.userId);
const pending = async (projectId: string) =>
  (await owner.request('GET', invitationsUrl(projectId))).json() as Array<{
    id: string;
    email: string;
    role: string;
  }>;
const accept = (c: Client, id: string) => c.request('POST', `/api/me/invitations/${id}/accept`);
const decline = (c: Client, id: string) => c.request('POST', `/api/me/invitations/${id}/decline`);

/** The answer with what differs between any two invitations (id, time, address) taken out. */
const shape = (body: Record<string, unknown>) => {
  const { id, createdAt, email, ...rest } = body;
  return { ...rest, types: [typeof id, typeof createdAt, typeof email] };
};

describe('POST /api/projects/:projectId/invitations', () => {
  it('answers the same whether or not an account has the e-mail', async () => {
    const project = await newProject();
    const account = await createUser(app, owner);
    const existing = await invite(owner, project.id, account.user.email);
    const unknown = await invite(owner, project.id, uniqueEmail('ghost'));
    expect(existing.statusCode).toBe(201);
    expect(unknown.statusCode).toBe(existing.statusCode);
    expect(Object.keys(unknown.json()).sort()).toEqual(Object.keys(existing.json()).sort());
    expect(shape(unknown.json())).toEqual(shape(existing.json()));
    expect(existing.json()).toMatchObject({
      email: account.user.email,
      role: 'coder',
      status: 'pending',
      projectName: 'Invitations test',
      invitedByName: 'Olivia',
    });
  });

  it('makes no one a member until they accept', async () => {
    const project = await newProject();
    const invitee = await createUser(app, owner);
    await invite(owner, project.id, invitee.user.email);
    expect(await memberIds(project.id)).toEqual([owner.user.id]);
    expect((await invitee.request('GET', `/api/projects/${project.id}`)).statusCode).toBe(404);
    expect((await invitee.request('GET', '/api/projects')).json()).toEqual([]);
  });

  it('changes the role when the same e-mail is invited again, in any case', async () => {
    const project = await newProject();
    const email = uniqueEmail('again');
    const first = (await invite(owner, project.id, email, 'viewer')).json();
    const second = await invite(owner, project.id, email.toUpperCase(), 'supervisor');
    expect(second.statusCode).toBe(201);
    expect(second.json()).toMatchObject({ id: first.id, email, role: 'supervisor' });
    expect(await pending(project.id)).toEqual([
      expect.objectContaining({ id: first.id, role: 'supervisor' }),
    ]);
  });

  it('rejects an unknown role and an address that is not an e-mail', async () => {
    const project = await newProject();
    expect((await invite(owner, project.id, uniqueEmail(), 'admin')).statusCode).toBe(400);
    expect((await invite(owner, project.id, 'not an e-mail')).statusCode).toBe(400);
    expect(await pending(project.id)).toEqual([]);
  });

  it('answers 409 for a member, and so cannot change a role behind the member list', async () => {
    const project = await newProject();
    const supervisor = await createUser(app, owner);
    await addMember(owner, project.id, supervisor, 'supervisor');
    const res = await invite(supervisor, project.id, owner.user.email, 'viewer');
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toContain('already a member');
    expect(await pending(project.id)).toEqual([]);
  });

  it('lets a supervisor invite coders but not owners, and coders and viewers invite no one', async () => {
    const project = await newProject();
    const supervisor = await createUser(app, owner);
    const coder = await createUser(app, owner);
    const viewer = await createUser(app, owner);
    await addMember(owner, project.id, supervisor, 'supervisor');
    await addMember(owner, project.id, coder, 'coder');
    await addMember(owner, project.id, viewer, 'viewer');
    const email = uniqueEmail('newcomer');
    expect((await invite(coder, project.id, email, 'viewer')).statusCode).toBe(403);
    expect((await invite(viewer, project.id, email, 'viewer')).statusCode).toBe(403);
    expect((await invite(supervisor, project.id, email, 'owner')).statusCode).toBe(403);
    expect((await invite(supervisor, project.id, email, 'coder')).statusCode).toBe(201);
    // Nor may a supervisor turn an owner's invitation into another one.
    const ownerEmail = uniqueEmail('co-owner');
    await invite(owner, project.id, ownerEmail, 'owner');
    expect((await invite(supervisor, project.id, ownerEmail, 'viewer')).statusCode).toBe(403);
    expect((await pending(project.id)).map((i) => [i.email, i.role])).toEqual([
      [ownerEmail, 'owner'],
      [email, 'coder'],
    ]);
  });

  it('answers 404 outside the project', async () => {
    const project = await newProject();
    const outsider = await createUser(app, owner);
    expect((await invite(outsider, project.id, uniqueEmail())).statusCode).toBe(404);
    expect((await outsider.request('GET', invitationsUrl(project.id))).statusCode).toBe(404);
  });
});

describe('GET /api/projects/:projectId/invitations', () => {
  it('shows managers the pending invitations, and not coders or viewers (403)', async () => {
    const project = await newProject();
    const supervisor = await createUser(app, owner);
    const coder = await createUser(app, owner);
    await addMember(owner, project.id, supervisor, 'supervisor');
    await addMember(owner, project.id, coder, 'coder');
    const email = uniqueEmail('listed');
    await invite(owner, project.id, email, 'viewer');
    const seen = await supervisor.request('GET', invitationsUrl(project.id));
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toEqual([expect.objectContaining({ email, role: 'viewer' })]);
    expect((await coder.request('GET', invitationsUrl(project.id))).statusCode).toBe(403);
  });
});

describe('DELETE /api/projects/:projectId/invitations/:invitationId', () => {
  it('withdraws an invitation, which the invitee can then neither see nor accept', async () => {
    const project = await newProject();
    const invitee = await createUser(app, owner);
    const { id } = (await invite(owner, project.id, invitee.user.email)).json();
    const res = await owner.request('DELETE', `${invitationsUrl(project.id)}/${id}`);
    expect(res.statusCode).toBe(204);
    expect(await pending(project.id)).toEqual([]);
    expect((await invitee.request('GET', '/api/me/invitations')).json()).toEqual([]);
    expect((await accept(invitee, id)).statusCode).toBe(404);
    expect(await memberIds(project.id)).toEqual([owner.user.id]);
  });

  it("answers 404 for another project's invitation, even to a manager of both", async () => {
    const mine = await newProject();
    const other = await newProject('Other');
    const { id } = (await invite(owner, other.id, uniqueEmail())).json();
    expect((await owner.request('DELETE', `${invitationsUrl(mine.id)}/${id}`)).statusCode).toBe(
      404,
    );
    expect((await pending(other.id)).map((i) => i.id)).toEqual([id]);
  });

  it('does not let a supervisor withdraw an invitation to become owner', async () => {
    const project = await newProject();
    const supervisor = await createUser(app, owner);
    await addMember(owner, project.id, supervisor, 'supervisor');
    const { id } = (await invite(owner, project.id, uniqueEmail(), 'owner')).json();
    const res = await supervisor.request('DELETE', `${invitationsUrl(project.id)}/${id}`);
    expect(res.statusCode).toBe(403);
    expect(await pending(project.id)).toHaveLength(1);
  });
});

describe('GET /api/me/invitations', () => {
  it('shows each account only the invitations to its own e-mail', async () => {
    const project = await newProject('Shown');
    const invitee = await createUser(app, owner);
    const other = await createUser(app, owner);
    await invite(owner, project.id, invitee.user.email, 'viewer');
    const mine = await invitee.request('GET', '/api/me/invitations');
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toEqual([
      expect.objectContaining({ projectName: 'Shown', role: 'viewer', invitedByName: 'Olivia' }),
    ]);
    expect((await other.request('GET', '/api/me/invitations')).json()).toEqual([]);
  });

  it('reaches an account the instance owner creates after the invitation', async () => {
    const project = await newProject();
    const email = uniqueEmail('later');
    await invite(owner, project.id, email, 'coder');
    const created = await owner.request('POST', '/api/users', {
      email,
      name: 'Later',
      password: USER_PASSWORD,
    });
    expect(created.statusCode).toBe(201);
    const later = await signIn(app, email, USER_PASSWORD);
    const [invitation] = (await later.request('GET', '/api/me/invitations')).json();
    expect((await accept(later, invitation.id)).json()).toMatchObject({
      id: project.id,
      role: 'coder',
    });
  });
});

describe('POST /api/me/invitations/:invitationId/accept', () => {
  it('makes the invitee a member with the invited role, once', async () => {
    const project = await newProject();
    const invitee = await createUser(app, owner);
    const { id } = (await invite(owner, project.id, invitee.user.email, 'supervisor')).json();
    const res = await accept(invitee, id);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: project.id, role: 'supervisor' });
    expect((await invitee.request('GET', `/api/projects/${project.id}`)).json().role).toBe(
      'supervisor',
    );
    expect(await pending(project.id)).toEqual([]);
    expect((await accept(invitee, id)).statusCode).toBe(404);
  });

  it('lets no one but the invitee accept or decline, not even the inviter', async () => {
    const project = await newProject();
    const invitee = await createUser(app, owner);
    const stranger = await createUser(app, owner);
    const { id } = (await invite(owner, project.id, invitee.user.email)).json();
    for (const c of [stranger, owner]) {
      expect((await accept(c, id)).statusCode).toBe(404);
      expect((await decline(c, id)).statusCode).toBe(404);
    }
    expect(await memberIds(project.id)).toEqual([owner.user.id]);
    expect((await pending(project.id)).map((i) => i.id)).toEqual([id]);
  });

  it('requires a signed-in caller', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/me/invitations/x/accept' });
    expect(res.statusCode).toBe(401);
  });
});

describe('POST /api/me/invitations/:invitationId/decline', () => {
  it('removes the invitation without making the invitee a member', async () => {
    const project = await newProject();
    const invitee = await createUser(app, owner);
    const { id } = (await invite(owner, project.id, invitee.user.email)).json();
    expect((await decline(invitee, id)).statusCode).toBe(204);
    expect(await pending(project.id)).toEqual([]);
    expect(await memberIds(project.id)).toEqual([owner.user.id]);
    expect((await accept(invitee, id)).statusCode).toBe(404);
  });
});
