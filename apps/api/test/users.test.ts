import { describe, expect, it } from 'vitest';
import {
  createUser,
  postSession,
  SAME_ORIGIN,
  setupOwner,
  startApp,
  uniqueEmail,
  USER_PASSWORD,
} from './helper';

const app = await startApp();
const owner = await setupOwner(app);
const newAccount = () => ({ email: uniqueEmail(), name: 'Björn', password: USER_PASSWORD });

describe('POST /api/users', () => {
  it('requires a signed-in caller', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers: SAME_ORIGIN,
      payload: newAccount(),
    });
    expect(res.statusCode).toBe(401);
  });

  it('rejects a short password, naming the field', async () => {
    const res = await owner.request('POST', '/api/users', { ...newAccount(), password: 'short' });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/password/);
  });

  it('answers 409, not 500, to the loser of two simultaneous requests for one e-mail', async () => {
    const account = newAccount();
    const both = await Promise.all([
      owner.request('POST', '/api/users', account),
      owner.request('POST', '/api/users', account),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(both.find((r) => r.statusCode === 409)!.json().message).toMatch(/exists/);
  });

  it('lets the instance owner create an account that can then sign in', async () => {
    const account = newAccount();
    const res = await owner.request('POST', '/api/users', account);
    expect(res.statusCode).toBe(201);
    expect(res.json().user).toMatchObject({
      email: account.email,
      name: 'Björn',
      isInstanceOwner: false,
      disabled: false,
    });
    expect(res.json().user).not.toHaveProperty('passwordHash');
    expect((await postSession(app, account.email, USER_PASSWORD)).statusCode).toBe(200);
  });

  it('answers 409 to an e-mail that already has an account, in any letter case', async () => {
    const account = newAccount();
    expect((await owner.request('POST', '/api/users', account)).statusCode).toBe(201);
    const again = await owner.request('POST', '/api/users', {
      ...newAccount(),
      email: account.email.toUpperCase(),
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toMatch(/exists/);
  });

  it('is refused (403) to anyone but the instance owner', async () => {
    const coder = await createUser(app, owner);
    const res = await coder.request('POST', '/api/users', newAccount());
    expect(res.statusCode).toBe(403);
    expect((await coder.request('GET', '/api/users')).statusCode).toBe(403);
  });
});

describe('GET /api/users', () => {
  it('lists the accounts to the instance owner, without password hashes', async () => {
    const coder = await createUser(app, owner, 'Listed');
    const res = await owner.request('GET', '/api/users');
    expect(res.statusCode).toBe(200);
    const ids = res.json().map((u: any) => u.id);
    expect(ids).toEqual(expect.arrayContaining([owner.user.id, coder.user.id]));
    expect(res.body).not.toMatch(/argon2|passwordHash/);
  });
});

describe('PATCH /api/users/:userId', () => {
  it('is refused (403) to anyone but the instance owner', async () => {
    const coder = await createUser(app, owner);
    const other = await createUser(app, owner);
    const res = await coder.request('PATCH', `/api/users/${other.user.id}`, { disabled: true });
    expect(res.statusCode).toBe(403);
    expect((await other.request('GET', '/api/me')).statusCode).toBe(200);
  });

  it('renames an account, and accepts an empty patch', async () => {
    const coder = await createUser(app, owner, 'Kari');
    const url = `/api/users/${coder.user.id}`;
    expect((await owner.request('PATCH', url, {})).json().user.name).toBe('Kari');
    const res = await owner.request('PATCH', url, { name: 'Kari Nordmann' });
    expect(res.statusCode).toBe(200);
    expect((await coder.request('GET', '/api/me')).json().user.name).toBe('Kari Nordmann');
  });

  it('answers 404 for an unknown account', async () => {
    const res = await owner.request('PATCH', '/api/users/no-such-user', { disabled: true });
    expect(res.statusCode).toBe(404);
  });

  it('does not let the owner disable their own account', async () => {
    const res = await owner.request('PATCH', `/api/users/${owner.user.id}`, { disabled: true });
    expect(res.statusCode).toBe(400);
    expect((await owner.request('GET', '/api/me')).statusCode).toBe(200);
  });

  it('disables an account: its sessions and tokens die and it cannot sign in', async () => {
    const coder = await createUser(app, owner);
    const { token } = (await coder.request('POST', '/api/tokens', { name: 'R script' })).json();
    const res = await owner.request('PATCH', `/api/users/${coder.user.id}`, { disabled: true });
    expect(res.statusCode).toBe(200);
    expect(res.json().user.disabled).toBe(true);

    expect((await coder.request('GET', '/api/me')).statusCode).toBe(401);
    const bearer = await app.inject({
      method: 'GET',
      url: '/api/projects',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(bearer.statusCode).toBe(401);
    const signIn = await postSession(app, coder.user.email, USER_PASSWORD);
    expect(signIn.statusCode).toBe(403);
    expect(signIn.json().message).toMatch(/disabled/);
    expect(signIn.cookies.find((c) => c.name === 'kodbok_session')).toBeUndefined();
  });

  it('re-enables an account so it can sign in again', async () => {
    const coder = await createUser(app, owner);
    await owner.request('PATCH', `/api/users/${coder.user.id}`, { disabled: true });
    await owner.request('PATCH', `/api/users/${coder.user.id}`, { disabled: false });
    expect((await postSession(app, coder.user.email, USER_PASSWORD)).statusCode).toBe(200);
  });
});
