import { describe, expect, it } from 'vitest';
import {
  type Client,
  createUser,
  OWNER_PASSWORD,
  postSession,
  sessionCookie,
  setupOwner,
  signIn,
  startApp,
  uniqueEmail,
  USER_PASSWORD,
} from './helper';

const app = await startApp();
const owner = await setupOwner(app);

const me = (cookie: string) => app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });

describe('POST /api/session and DELETE /api/session', () => {
  it('answers 401 to /api/me without a session, in the one error shape', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/me' });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({
      statusCode: 401,
      error: 'Unauthorized',
      message: expect.any(String),
    });
  });

  it('gives the same generic 401 for a wrong password and an unknown e-mail', async () => {
    const wrong = await postSession(app, owner.user.email, 'not the password at all');
    const unknown = await postSession(app, uniqueEmail('nobody'), 'not the password at all');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().message).toBe(unknown.json().message);
    expect(wrong.json().message).not.toMatch(/password is wrong|no account|unknown/i);
    expect(wrong.cookies.find((c) => c.name === 'kodbok_session')).toBeUndefined();
  });

  it('signs in with the e-mail in any case and surrounding spaces', async () => {
    const res = await postSession(app, `  ${owner.user.email.toUpperCase()} `, OWNER_PASSWORD);
    expect(res.statusCode).toBe(200);
    expect((await me(sessionCookie(res))).json().user.id).toBe(owner.user.id);
  });

  it('rotates the session id at sign-in, so an id known before sign-in is worthless', async () => {
    const before = (await signIn(app, owner.user.email, OWNER_PASSWORD)).cookie;
    const res = await postSession(app, owner.user.email, OWNER_PASSWORD, before);
    const after = sessionCookie(res);
    expect(after).not.toBe(before);
    expect((await me(after)).statusCode).toBe(200);
    expect((await me(before)).statusCode).toBe(401);
  });

  it('signs out: the same cookie no longer works afterwards', async () => {
    const client = await signIn(app, owner.user.email, OWNER_PASSWORD);
    const res = await client.request('DELETE', '/api/session');
    expect(res.statusCode).toBe(204);
    expect((await me(client.cookie)).statusCode).toBe(401);
  });
});

describe('PUT /api/me/password', () => {
  it('requires the current password and a new one of at least 12 characters', async () => {
    const wrong = await owner.request('PUT', '/api/me/password', {
      currentPassword: 'not it at all',
      newPassword: 'a brand new password',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().message).toMatch(/currentPassword/);
    const short = await owner.request('PUT', '/api/me/password', {
      currentPassword: OWNER_PASSWORD,
      newPassword: 'short',
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().message).toMatch(/newPassword/);
  });

  it('revokes the other sessions, keeps this one, and only the new password signs in', async () => {
    const user = await createUser(app, owner, 'Ingrid');
    const other = await signIn(app, user.user.email, USER_PASSWORD);
    const newPassword = 'ny lösenfras för Ingrid';
    const res = await user.request('PUT', '/api/me/password', {
      currentPassword: USER_PASSWORD,
      newPassword,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ revokedTokens: 0 });
    expect((await me(user.cookie)).statusCode).toBe(200);
    expect((await me(other.cookie)).statusCode).toBe(401);
    expect((await postSession(app, user.user.email, USER_PASSWORD)).statusCode).toBe(401);
    expect((await postSession(app, user.user.email, newPassword)).statusCode).toBe(200);
  });
});

describe('PUT /api/me/password (stolen sessions and tokens)', () => {
  const bearer = (token: string) =>
    app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${token}` } });
  const newToken = async (client: Client, name: string) =>
    (await client.request('POST', '/api/tokens', { name })).json().token as string;
  const change = (client: Client, currentPassword: string, newPassword = 'a fresh new password') =>
    client.request('PUT', '/api/me/password', { currentPassword, newPassword });

  it('revokes every API token of the account and says how many', async () => {
    const user = await createUser(app, owner, 'Tokens');
    const tokens = [await newToken(user, 'script'), await newToken(user, 'notebook')];
    const ownerToken = await newToken(owner, 'owner script');
    const res = await change(user, USER_PASSWORD);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ revokedTokens: 2 });
    for (const token of tokens) expect((await bearer(token)).statusCode).toBe(401);
    expect((await user.request('GET', '/api/tokens')).json()).toEqual([]);
    // The session that changed it stays; other accounts keep their tokens.
    expect((await me(user.cookie)).statusCode).toBe(200);
    expect((await bearer(ownerToken)).statusCode).toBe(200);
  });

  it('revokes the token it was changed with too, and signs out every session', async () => {
    const user = await createUser(app, owner, 'Scripted');
    const token = await newToken(user, 'script');
    const res = await app.inject({
      method: 'PUT',
      url: '/api/me/password',
      headers: { authorization: `Bearer ${token}` },
      payload: { currentPassword: USER_PASSWORD, newPassword: 'a fresh new password' },
    });
    expect(res.json()).toEqual({ revokedTokens: 1 });
    expect((await bearer(token)).statusCode).toBe(401);
    expect((await me(user.cookie)).statusCode).toBe(401);
  });

  it('answers 429 after 10 attempts for one account, even with the right password', async () => {
    const victim = await createUser(app, owner, 'Guessed');
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++)
      statuses.push((await change(victim, `guess number ${i}`)).statusCode);
    expect(statuses).toEqual(Array(10).fill(400));
    const limited = await change(victim, USER_PASSWORD);
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
    // Locked for the account, not the address: another session of it is refused too.
    const other = await signIn(app, victim.user.email, USER_PASSWORD);
    expect((await change(other, USER_PASSWORD)).statusCode).toBe(429);
    expect((await postSession(app, victim.user.email, USER_PASSWORD)).statusCode).toBe(200);
  });

  it('does not lock out other accounts', async () => {
    const user = await createUser(app, owner, 'Bystander');
    expect((await change(user, USER_PASSWORD)).statusCode).toBe(200);
  });
});

describe('sign-in rate limit', () => {
  it('answers 429 after 10 attempts for one account, even with the right password', async () => {
    const victim = await createUser(app, owner, 'Victim');
    // createUser signed in once already: that counts as an attempt.
    const statuses: number[] = [];
    for (let i = 0; i < 9; i++)
      statuses.push((await postSession(app, victim.user.email, 'guess number ' + i)).statusCode);
    expect(statuses).toEqual(Array(9).fill(401));
    const limited = await postSession(app, victim.user.email, USER_PASSWORD);
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
  });

  it('does not lock out other accounts from the same address', async () => {
    const res = await postSession(app, owner.user.email, OWNER_PASSWORD);
    expect(res.statusCode).toBe(200);
  });
});

describe('GET /api/session', () => {
  const session = (cookie?: string) =>
    app.inject({ method: 'GET', url: '/api/session', headers: cookie ? { cookie } : {} });

  it('answers 200 with no user, not a 401, when nobody is signed in', async () => {
    const res = await session();
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ user: null });
  });

  it('answers the signed-in user, and no user once signed out', async () => {
    const client = await signIn(app, owner.user.email, OWNER_PASSWORD);
    expect((await session(client.cookie)).json().user).toMatchObject({
      id: owner.user.id,
      email: owner.user.email,
    });
    await client.request('DELETE', '/api/session');
    expect((await session(client.cookie)).json()).toEqual({ user: null });
  });
});
