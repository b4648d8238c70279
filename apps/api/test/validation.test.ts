import { describe, expect, it } from 'vitest';
import { createProjectWithStudy, setupOwner, startApp } from './helper';

const app = await startApp();
const owner = await setupOwner(app);

describe('numbers in query strings', () => {
  it.each([
    ['matrix?limit=Infinity', 'limit'],
    ['matrix?limit=1e400', 'limit'],
    ['matrix?offset=-Infinity', 'offset'],
    ['excerpts?limit=1e400', 'limit'],
    ['search?q=peer&limit=Infinity', 'limit'],
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

  it('accepts characters outside the BMP, whose surrogates come in pairs', async () => {
    const { project } = await createProjectWithStudy(owner);
    const res = await owner.request('POST', `/api/projects/${project.id}/codes`, {
      name: 'Lived 👩🏽‍⚕️ experience 𝒮',
    });
    expect(res.statusCode).toBe(201);
  });
});
