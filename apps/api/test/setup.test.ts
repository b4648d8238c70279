import { describe, expect, it } from 'vitest';
import { OWNER_PASSWORD, SAME_ORIGIN, sessionCookie, startApp, uniqueEmail } from './helper';

const app = await startApp();

const me = (cookie: string) => app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
const setup = (payload: object) =>
  app.inject({ method: 'POST', url: '/api/setup', headers: SAME_ORIGIN, payload });

// The tests of this file run in order: setup first, on an empty database.
describe('POST /api/setup', () => {
  it('says setup is required while no account exists', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/setup' });
    expect(res.json()).toEqual({ required: true });
  });

  it('rejects a password shorter than 12 characters with 400 naming the field', async () => {
    const res = await setup({ email: uniqueEmail(), name: 'Åsa', password: 'elevenchars' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: expect.stringMatching(/password.*12/),
    });
    expect((await app.inject({ method: 'GET', url: '/api/setup' })).json().required).toBe(true);
  });

  it('rejects a missing field and an unknown one, naming them', async () => {
    const missing = await setup({ email: uniqueEmail(), password: OWNER_PASSWORD });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().message).toMatch(/name is required/);
    const unknown = await setup({
      email: uniqueEmail(),
      name: 'A',
      password: OWNER_PASSWORD,
      admin: true,
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().message).toMatch(/admin/);
  });

  it('creates the instance owner and signs them in', async () => {
    const email = uniqueEmail('first');
    const res = await setup({ email, name: 'Åsa Ødegård', password: OWNER_PASSWORD });
    expect(res.statusCode).toBe(201);
    expect(res.json().user).toMatchObject({ email, name: 'Åsa Ødegård', isInstanceOwner: true });
    const cookie = res.cookies.find((c) => c.name === 'kodbok_session') as any;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect((await me(sessionCookie(res))).json().user.email).toBe(email);
    expect((await app.inject({ method: 'GET', url: '/api/setup' })).json().required).toBe(false);
  });

  it('refuses a second setup once an account exists', async () => {
    const res = await setup({ email: uniqueEmail(), name: 'Mallory', password: OWNER_PASSWORD });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toMatch(/already done/);
    expect(res.cookies.find((c) => c.name === 'kodbok_session')).toBeUndefined();
  });
});

describe('POST /api/setup on a fresh install with the demo project', async () => {
  const demo = await startApp({ demo: true });

  it('makes the first owner the owner of the demo project, whose highlights match its texts', async () => {
    expect((await demo.inject({ method: 'GET', url: '/api/setup' })).json().required).toBe(true);
    const res = await demo.inject({
      method: 'POST',
      url: '/api/setup',
      headers: SAME_ORIGIN,
      payload: { email: uniqueEmail(), name: 'Owner', password: OWNER_PASSWORD },
    });
    expect(res.statusCode).toBe(201);
    const cookie = sessionCookie(res);
    const get = async (url: string) =>
      (await demo.inject({ method: 'GET', url, headers: { cookie } })).json();
    const projects = await get('/api/projects');
    expect(projects).toEqual([expect.objectContaining({ role: 'owner' })]);
    const studies = await get(`/api/projects/${projects[0].id}/studies`);
    expect(studies.length).toBeGreaterThan(0);
    const doc = await get(`/api/documents/${studies[0].documents[0].id}`);
    expect(doc.highlights.length).toBeGreaterThan(0);
    for (const h of doc.highlights) expect(doc.text.slice(h.start, h.end)).toBe(h.quote);
  });
});
