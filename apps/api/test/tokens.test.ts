import { describe, expect, it } from 'vitest';
import { createUser, OWNER_PASSWORD, setupOwner, startApp } from './helper';

const app = await startApp();
const owner = await setupOwner(app);

const bearer = (token: string, method: 'GET' | 'POST' = 'GET', url = '/api/me', payload?: object) =>
  app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${token}` },
    ...(payload ? { payload } : {}),
  });

describe('POST /api/tokens', () => {
  it('requires a signed-in caller and a name', async () => {
    expect(
      (await app.inject({ method: 'POST', url: '/api/tokens', payload: { name: 'x' } })).statusCode,
    ).toBe(401);
    expect((await owner.request('POST', '/api/tokens', {})).statusCode).toBe(400);
  });

  it('shows the secret once; the list never contains it', async () => {
    const res = await owner.request('POST', '/api/tokens', { name: 'Analysis in R' });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({ name: 'Analysis in R', lastUsedAt: null });
    expect(created.token).toMatch(/^kb_.{40,}$/);
    const list = await owner.request('GET', '/api/tokens');
    expect(list.statusCode).toBe(200);
    const listed = list.json().find((t: any) => t.id === created.id);
    expect(listed).toMatchObject({ id: created.id, name: 'Analysis in R' });
    expect(list.body).not.toContain(created.token);
  });

  it('gives every token a different secret', async () => {
    const a = (await owner.request('POST', '/api/tokens', { name: 'a' })).json();
    const b = (await owner.request('POST', '/api/tokens', { name: 'a' })).json();
    expect(a.token).not.toBe(b.token);
  });
});

describe('Authorization: Bearer', () => {
  it('authenticates reads and writes as the token owner, without any cookie or Origin', async () => {
    const { token } = (await owner.request('POST', '/api/tokens', { name: 'Python' })).json();
    const res = await bearer(token);
    expect(res.statusCode).toBe(200);
    expect(res.json().user.id).toBe(owner.user.id);
    const created = await bearer(token, 'POST', '/api/projects', { name: 'Scripted review' });
    expect(created.statusCode).toBe(201);
    expect(created.json().role).toBe('owner');
  });

  it('records when the token was last used', async () => {
    const { id, token } = (await owner.request('POST', '/api/tokens', { name: 'used' })).json();
    await bearer(token);
    const listed = (await owner.request('GET', '/api/tokens')).json().find((t: any) => t.id === id);
    expect(typeof listed.lastUsedAt).toBe('string');
  });

  it('answers 401 to an unknown token, even when a valid session cookie is also sent', async () => {
    expect((await bearer('kb_not-a-real-token')).statusCode).toBe(401);
    const res = await app.inject({
      method: 'GET',
      url: '/api/me',
      headers: { authorization: 'Bearer kb_nope', cookie: owner.cookie },
    });
    expect(res.statusCode).toBe(401);
  });

  it('keeps sessions for the web app: signing in or out with a token is refused, and a session cookie sent beside a token is left alone', async () => {
    const { token } = (await owner.request('POST', '/api/tokens', { name: 'no session' })).json();
    const signIn = await bearer(token, 'POST', '/api/session', {
      email: owner.user.email,
      password: OWNER_PASSWORD,
    });
    expect(signIn.statusCode).toBe(400);
    expect(signIn.json().message).toMatch(/API token/);
    expect(signIn.headers['set-cookie']).toBeUndefined();
    const signOut = await app.inject({
      method: 'DELETE',
      url: '/api/session',
      headers: {
        authorization: `Bearer ${token}`,
        cookie: owner.cookie,
        origin: 'http://localhost',
      },
    });
    expect(signOut.statusCode).toBe(400);
    // The refused sign-out destroyed nothing: the cookie still signs the owner in.
    expect((await owner.request('GET', '/api/me')).json().user.id).toBe(owner.user.id);
  });
});

describe('DELETE /api/tokens/:tokenId', () => {
  it('revokes a token: it then answers 401 and leaves the list', async () => {
    const { id, token } = (await owner.request('POST', '/api/tokens', { name: 'old' })).json();
    expect((await bearer(token)).statusCode).toBe(200);
    expect((await owner.request('DELETE', `/api/tokens/${id}`)).statusCode).toBe(204);
    expect((await bearer(token)).statusCode).toBe(401);
    const list = (await owner.request('GET', '/api/tokens')).json();
    expect(list.map((t: any) => t.id)).not.toContain(id);
    expect((await owner.request('DELETE', `/api/tokens/${id}`)).statusCode).toBe(404);
  });

  it("answers 404 to another user's token and leaves it working", async () => {
    const coder = await createUser(app, owner);
    const { id, token } = (await owner.request('POST', '/api/tokens', { name: 'mine' })).json();
    expect((await coder.request('DELETE', `/api/tokens/${id}`)).statusCode).toBe(404);
    expect((await coder.request('GET', '/api/tokens')).json()).toEqual([]);
    expect((await bearer(token)).statusCode).toBe(200);
  });
});
