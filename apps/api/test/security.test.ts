import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config';
import { ORIGIN, OWNER_PASSWORD, setupOwner, startApp } from './helper';

const app = await startApp();
const owner = await setupOwner(app);

const webDist = mkdtempSync(path.join(tmpdir(), 'kodbok-web-'));
writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><title>Kodbok</title>');
afterAll(() => rmSync(webDist, { recursive: true, force: true }));
const withWeb = await startApp({ config: { webDist } });

/** CSP directives by name, e.g. {'script-src': ["'self'"]}. */
function csp(header: unknown): Record<string, string[]> {
  return Object.fromEntries(
    String(header)
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name, values]),
  );
}

const expectErrorBody = (body: any, statusCode: number) => {
  expect(Object.keys(body).sort()).toEqual(['error', 'message', 'statusCode']);
  expect(body.statusCode).toBe(statusCode);
  expect(body.error).toEqual(expect.any(String));
  expect(body.message.length).toBeGreaterThan(0);
};

describe('security headers', () => {
  it.each([
    ['an API response', () => app.inject({ method: 'GET', url: '/api/health' })],
    ['the web app', () => withWeb.inject({ method: 'GET', url: '/' })],
    ['an error', () => app.inject({ method: 'GET', url: '/api/projects' })],
  ])('sends a CSP without unsafe-inline and the usual hardening headers on %s', async (_, get) => {
    const res = await get();
    const policy = csp(res.headers['content-security-policy']);
    expect(policy['script-src']).toEqual(["'self'"]);
    expect(policy['style-src']).toEqual(["'self'"]);
    expect(policy['object-src']).toEqual(["'none'"]);
    expect(policy['frame-ancestors']).toEqual(["'none'"]);
    expect(String(res.headers['content-security-policy'])).not.toContain('unsafe-inline');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBeDefined();
  });

  it('lets the API docs page style itself, but loads nothing from elsewhere and runs no inline script', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/docs' });
    expect(res.statusCode).toBe(200);
    const policy = csp(res.headers['content-security-policy']);
    expect(policy['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
    expect(policy['script-src']).toEqual(["'self'"]);
    expect(policy['frame-ancestors']).toEqual(["'none'"]);
    expect(String(res.headers['content-security-policy'])).not.toContain('https:');
  });
});

describe('cross-site writes', () => {
  const post = (headers: Record<string, string>) =>
    app.inject({
      method: 'POST',
      url: '/api/projects',
      headers: { host: 'localhost:80', ...headers },
      payload: { name: 'Forged' },
    });

  it.each([
    ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site' }],
    ['Sec-Fetch-Site: same-site (a sibling subdomain)', { 'sec-fetch-site': 'same-site' }],
    ['a foreign Origin', { origin: 'https://evil.example' }],
    ['Origin: null', { origin: 'null' }],
    ['a foreign Origin on another port', { origin: 'http://localhost:8080' }],
  ])('refuses a cookie write with %s (403) and stores nothing', async (_, headers) => {
    const res = await post({ cookie: owner.cookie, ...headers });
    expect(res.statusCode).toBe(403);
    expectErrorBody(res.json(), 403);
    expect(res.json().message).toMatch(/Cross-site/);
    const names = (await owner.request('GET', '/api/projects')).json().map((p: any) => p.name);
    expect(names).not.toContain('Forged');
  });

  it('refuses a cross-site sign-out too', async () => {
    const res = await app.inject({
      method: 'DELETE',
      url: '/api/session',
      headers: { cookie: owner.cookie, 'sec-fetch-site': 'cross-site' },
    });
    expect(res.statusCode).toBe(403);
    expect((await owner.request('GET', '/api/me')).statusCode).toBe(200);
  });

  it('lets same-origin cookie writes through', async () => {
    expect((await post({ cookie: owner.cookie, origin: ORIGIN })).statusCode).toBe(201);
    expect(
      (await post({ cookie: owner.cookie, 'sec-fetch-site': 'same-origin', origin: ORIGIN }))
        .statusCode,
    ).toBe(201);
  });

  it('lets bearer-token writes through whatever the browser headers say', async () => {
    const { token } = (await owner.request('POST', '/api/tokens', { name: 'ci' })).json();
    const res = await post({
      authorization: `Bearer ${token}`,
      'sec-fetch-site': 'cross-site',
      origin: 'https://elsewhere.example',
    });
    expect(res.statusCode).toBe(201);
  });

  it('lets cross-site reads through (they carry no side effects)', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/api/projects',
      headers: { cookie: owner.cookie, 'sec-fetch-site': 'cross-site' },
    });
    expect(res.statusCode).toBe(200);
  });
});

describe('behind a TLS-terminating proxy (KODBOK_TRUST_PROXY, KODBOK_PUBLIC_ORIGIN)', () => {
  const PUBLIC = 'https://kodbok.example.org';
  // What a proxy such as Caddy or nginx sends on: the browser's Host and Origin, plain HTTP.
  const proxied = { host: 'kodbok.example.org', 'x-forwarded-proto': 'https', origin: PUBLIC };
  const signIn = (server: typeof app, email: string, headers: Record<string, string>) =>
    server.inject({
      method: 'POST',
      url: '/api/session',
      headers,
      payload: { email, password: OWNER_PASSWORD },
    });
  const sessionCookie = (res: { cookies: Array<{ name: string; secure?: boolean }> }) =>
    res.cookies.find((c) => c.name === 'kodbok_session');

  it('marks the session cookie Secure and accepts the https Origin when the proxy is trusted', async () => {
    const trusting = await startApp({ config: { trustProxy: ['127.0.0.1'] } });
    const { user } = await setupOwner(trusting);
    const res = await signIn(trusting, user.email, proxied);
    expect(res.statusCode).toBe(200);
    expect(sessionCookie(res)).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax' });
    const write = await trusting.inject({
      method: 'POST',
      url: '/api/projects',
      headers: { ...proxied, cookie: `kodbok_session=${res.cookies[0]!.value}` },
      payload: { name: 'Behind the proxy' },
    });
    expect(write.statusCode).toBe(201);
    // Another page's Origin is still another page's.
    const forged = await signIn(trusting, user.email, {
      ...proxied,
      origin: 'https://evil.example',
    });
    expect(forged.statusCode).toBe(403);
  });

  it('believes no forwarded header when the setting is off (the default)', async () => {
    const res = await signIn(app, owner.user.email, proxied);
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toMatch(/Cross-site/);
    const plain = await signIn(app, owner.user.email, {
      host: 'localhost:80',
      'x-forwarded-proto': 'https',
    });
    expect(plain.statusCode).toBe(200);
    expect(sessionCookie(plain)?.secure).toBeFalsy();
  });

  it('believes a proxy only at the trusted address', async () => {
    const elsewhere = await startApp({ config: { trustProxy: ['10.0.0.0/8'] } });
    const { user } = await setupOwner(elsewhere);
    // app.inject comes from 127.0.0.1, outside 10.0.0.0/8.
    expect((await signIn(elsewhere, user.email, proxied)).statusCode).toBe(403);
  });

  it('accepts the public origin when the proxy does not pass the Host header on', async () => {
    const server = await startApp({ config: { trustProxy: true, publicOrigin: PUBLIC } });
    const { user } = await setupOwner(server);
    const headers = { ...proxied, host: '127.0.0.1:3000' };
    const res = await signIn(server, user.email, headers);
    expect(res.statusCode).toBe(200);
    expect(sessionCookie(res)?.secure).toBe(true);
    expect(
      (await signIn(server, user.email, { ...headers, origin: 'https://evil.example' })).statusCode,
    ).toBe(403);
  });

  it('reads both settings from the environment, and refuses values it cannot use', () => {
    const env = (vars: Record<string, string>) =>
      loadConfig({ KODBOK_DATA_DIR: tmpdir(), KODBOK_SESSION_SECRET: 'x', ...vars });
    expect(env({}).trustProxy).toBe(false);
    expect(env({}).publicOrigin).toBeNull();
    expect(env({ KODBOK_TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(env({ KODBOK_TRUST_PROXY: 'off' }).trustProxy).toBe(false);
    expect(env({ KODBOK_TRUST_PROXY: 'loopback, 10.0.0.0/8' }).trustProxy).toEqual([
      'loopback',
      '10.0.0.0/8',
    ]);
    expect(() => env({ KODBOK_TRUST_PROXY: '2' })).toThrow(/KODBOK_TRUST_PROXY/);
    expect(() => env({ KODBOK_TRUST_PROXY: 'my-proxy' })).toThrow(/KODBOK_TRUST_PROXY/);
    expect(env({ KODBOK_PUBLIC_ORIGIN: 'https://Kodbok.example.org/' }).publicOrigin).toBe(PUBLIC);
    expect(() => env({ KODBOK_PUBLIC_ORIGIN: 'https://kodbok.example.org/app' })).toThrow(
      /KODBOK_PUBLIC_ORIGIN/,
    );
    expect(() => env({ KODBOK_PUBLIC_ORIGIN: 'kodbok.example.org' })).toThrow(
      /KODBOK_PUBLIC_ORIGIN/,
    );
  });
});

describe('request limits and the error shape', () => {
  it('answers 413 to a body over the 10 MiB limit', async () => {
    const project = (await owner.request('POST', '/api/projects', { name: 'Big' })).json();
    const res = await owner.request('POST', `/api/projects/${project.id}/studies`, {
      title: 'Too big',
      text: 'ø'.repeat(6 * 1024 * 1024), // 12 MiB of UTF-8
    });
    expect(res.statusCode).toBe(413);
    expectErrorBody(res.json(), 413);
    expect((await owner.request('GET', `/api/projects/${project.id}/studies`)).json()).toEqual([]);
  });

  it('answers malformed JSON with 400 in the one error shape', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/projects',
      headers: { cookie: owner.cookie, origin: ORIGIN, 'content-type': 'application/json' },
      payload: '{"name": ',
    });
    expect(res.statusCode).toBe(400);
    expectErrorBody(res.json(), 400);
  });

  it('answers an unsupported content type with 415 in the one error shape', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/projects',
      headers: { cookie: owner.cookie, origin: ORIGIN, 'content-type': 'application/xml' },
      payload: '<project name="Plain"/>',
    });
    expect(res.statusCode).toBe(415);
    expectErrorBody(res.json(), 415);
  });

  it('answers an unknown /api path with a JSON 404 naming it, with or without the web app', async () => {
    for (const server of [app, withWeb]) {
      const res = await server.inject({ method: 'GET', url: '/api/no-such-thing?x=1' });
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toMatch(/application\/json/);
      expectErrorBody(res.json(), 404);
      expect(res.json().message).toContain('/api/no-such-thing');
    }
  });

  it('serves the web app for client-side routes outside /api', async () => {
    const res = await withWeb.inject({ method: 'GET', url: '/projects/abc/studies' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<title>Kodbok</title>');
  });
});

describe('GET /api/openapi.json', () => {
  it('documents the public routes, without needing a session', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const paths = res.json().paths;
    const expected: Array<[string, string]> = [
      ['/api/setup', 'post'],
      ['/api/session', 'post'],
      ['/api/session', 'delete'],
      ['/api/me', 'get'],
      ['/api/tokens', 'post'],
      ['/api/users', 'post'],
      ['/api/projects', 'get'],
      ['/api/projects', 'post'],
      ['/api/projects/{projectId}', 'patch'],
      ['/api/projects/{projectId}/invitations', 'post'],
      ['/api/me/invitations/{invitationId}/accept', 'post'],
      ['/api/projects/{projectId}/studies', 'get'],
      ['/api/projects/{projectId}/studies', 'post'],
      ['/api/studies/{studyId}', 'get'],
      ['/api/documents/{documentId}', 'get'],
      ['/api/projects/{projectId}/codes', 'post'],
      ['/api/codes/{codeId}', 'patch'],
      ['/api/codes/{codeId}', 'delete'],
      ['/api/codes/{codeId}/merge', 'post'],
      ['/api/documents/{documentId}/highlights', 'post'],
      ['/api/highlights/{highlightId}', 'patch'],
      ['/api/highlights/{highlightId}', 'delete'],
    ];
    for (const [p, method] of expected) expect(paths[p]?.[method], `${method} ${p}`).toBeDefined();
    expect(paths['/api/documents/{documentId}/highlights'].post.requestBody).toBeDefined();
  });
});
