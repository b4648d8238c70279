import { describe, expect, it } from 'vitest';
import { createProjectWithStudy, createUser, ORIGIN, setupOwner, startApp } from './helper';

const app = await startApp();
const owner = await setupOwner(app);

describe('numbers in query strings', () => {
  it.each([
    ['matrix?limit=Infinity', 'limit'],
    ['matrix?limit=1e400', 'limit'],
    ['matrix?offset=-Infinity', 'offset'],
    ['excerpts?limit=1e400', 'limit'],
    ['search?q=peer&limit=Infinity', 'limit'],
    // Finite, but beyond SQLite's 64-bit OFFSET: the matrix query failed with 500.
    ['matrix?offset=9223372036854775808', 'offset'],
    ['matrix?offset=1e300', 'offset'],
  ])('GET %s answers 400 naming the parameter, not 500', async (path, name) => {
    const { project } = await createProjectWithStudy(owner);
    const res = await owner.request('GET', `/api/projects/${project.id}/${path}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(new RegExp(`querystring/${name} must`));
  });
});

describe('text that is not text', () => {
  it('refuses a lone surrogate in a body with 400 naming the field, and stores nothing', async () => {
    const { project } = await createProjectWithStudy(owner);
    const res = await owner.request('POST', `/api/projects/${project.id}/codes`, {
      name: 'Stigma \ud800',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe('body/name contains a lone UTF-16 surrogate (not text)');
    const codes = (await owner.request('GET', `/api/projects/${project.id}/codes`)).json();
    expect(codes.map((c: { name: string }) => c.name)).toEqual(['Role clarity']);
  });

  it('refuses a lone surrogate in a property name with 400, and stores nothing', async () => {
    const { project, study } = await createProjectWithStudy(owner);
    const res = await owner.request('PATCH', `/api/studies/${study.id}`, {
      attributes: { 'country\udc00': 'Norway' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/^body\/attributes\/country.* \(the name\) contains a lone/);
    const attributes = (
      await owner.request('GET', `/api/projects/${project.id}/attributes`)
    ).json();
    expect(attributes).toEqual([]);
  });

  it('answers a body nested 20,000 deep with no 500, on a route that takes no body', async () => {
    const deep = '{"a":'.repeat(20_000) + '1' + '}'.repeat(20_000);
    const res = await app.inject({
      method: 'DELETE',
      url: '/api/session',
      headers: { origin: ORIGIN, host: 'localhost:80', 'content-type': 'application/json' },
      payload: deep,
    });
    expect(res.statusCode).toBe(204);
  });

  it('accepts characters outside the BMP, whose surrogates come in pairs', async () => {
    const { project } = await createProjectWithStudy(owner);
    const res = await owner.request('POST', `/api/projects/${project.id}/codes`, {
      name: 'Lived 👩🏽‍⚕️ experience 𝒮',
    });
    expect(res.statusCode).toBe(201);
  });
});

describe('POST /api/projects/:projectId/imports with a broken body', () => {
  const broken = (cookie: string, projectId: string, payload: string, type: string) =>
    app.inject({
      method: 'POST',
      url: `/api/projects/${projectId}/imports?mode=preview`,
      headers: { cookie, origin: ORIGIN, host: 'localhost:80', 'content-type': type },
      payload,
    });
  const cutOff =
    '--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.ris"\r\n\r\nTY  - JOUR';

  it('answers 400 saying the multipart body is malformed', async () => {
    const { project } = await createProjectWithStudy(owner);
    for (const [payload, type] of [
      [cutOff, 'multipart/form-data; boundary=xyz'],
      ['garbage', 'multipart/form-data'],
    ] as const) {
      const res = await broken(owner.cookie, project.id, payload, type);
      expect(res.statusCode).toBe(400);
      expect(res.json().message).toMatch(/not well-formed multipart\/form-data/);
    }
  });

  it('answers 401 to an anonymous caller and 404 to a stranger, before reading the upload', async () => {
    const { project } = await createProjectWithStudy(owner);
    const type = 'multipart/form-data; boundary=xyz';
    expect((await broken('', project.id, cutOff, type)).statusCode).toBe(401);
    const stranger = await createUser(app, owner, 'Stranger');
    expect((await broken(stranger.cookie, project.id, cutOff, type)).statusCode).toBe(404);
  });
});
