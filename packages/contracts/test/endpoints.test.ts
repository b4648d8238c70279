import { describe, expect, it } from 'vitest';
import { ENDPOINT_TABLES, ENDPOINTS, POLICY, type Endpoint } from '../src/index';

/*
 * The endpoint table (docs/decisions/021) drives the routes, the web client and the tests, so a
 * slip in it is a slip everywhere at once. These are the rules every entry keeps.
 */
const entries = Object.entries(ENDPOINTS as Record<string, Endpoint>);
const pathParams = (path: string) => [...path.matchAll(/:([A-Za-z]\w*)/g)].map((m) => m[1]!);

describe('the endpoint table', () => {
  it('gives no name twice', () => {
    const names = ENDPOINT_TABLES.flatMap((table) => Object.keys(table));
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });

  it('has one entry per method and path', () => {
    const routes = entries.map(([, e]) => `${e.method} ${e.path}`);
    expect(routes.filter((r, i) => routes.indexOf(r) !== i)).toEqual([]);
  });

  it.each(entries)('%s: its path parameters are those of its params schema', (_, e) => {
    expect(pathParams(e.path).sort()).toEqual(Object.keys(e.params?.properties ?? {}).sort());
  });

  it.each(entries)('%s: a body only where one is sent, and only JSON or multipart', (_, e) => {
    if (e.method === 'GET' || e.method === 'DELETE') expect(e.body).toBeUndefined();
    if (e.multipart) expect([e.method, e.body]).toEqual(['POST', undefined]);
  });

  it.each(entries)('%s: success answers are 2xx, files only to GET', (_, e) => {
    const statuses = Object.keys(e.ok).map(Number);
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.filter((s) => s < 200 || s > 299)).toEqual([]);
    const files = Object.values(e.ok).filter((schema) => schema === 'file');
    if (files.length > 0) expect(e.method).toBe('GET');
    if (e.produces) expect(files.length).toBeGreaterThan(0);
  });

  it.each(entries)('%s: lists the refusals its rule implies', (_, e) => {
    // Anyone but the public may be signed out; a project's objects are 404 to non-members.
    if (e.requires !== 'public') expect(e.errors).toContain(401);
    if (e.requires in POLICY || e.requires === 'self') expect(e.errors).toContain(404);
    // A member whose role does not allow it is refused; every role may read.
    if (e.requires in POLICY && e.requires !== 'read') expect(e.errors).toContain(403);
    if (e.requires === 'instanceOwner') expect(e.errors).toContain(403);
  });
});
