import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { buildApp, type App } from '../src/app';
import { loadConfig } from '../src/config';

export const ORIGIN = 'http://localhost:80';

/**
 * A fresh server on a fresh SQLite file (WAL, migrated) for one test file. The demo project is
 * off unless asked for, so tests create what they assert on.
 */
export async function startApp(
  options: { demo?: boolean; importLimit?: number } = {},
): Promise<App> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'kodbok-test-'));
  const config = {
    ...loadConfig({ KODBOK_DATA_DIR: dataDir, LOG_LEVEL: 'silent' }),
    seedDemo: options.demo ?? false,
    ...(options.importLimit ? { importLimit: options.importLimit } : {}),
    webDist: null,
  };
  const app = await buildApp(config);
  afterAll(async () => {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return app;
}

/** A signed-in client: remembers its session cookie and sends a same-origin Origin header. */
export interface Client {
  cookie: string;
  user: { id: string; email: string; name: string };
  request(
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    body?: unknown,
  ): Promise<{
    statusCode: number;
    json: () => any;
    body: string;
    headers: Record<string, unknown>;
  }>;
}

let counter = 0;

function clientFor(app: App, cookie: string, user: Client['user']): Client {
  return {
    cookie,
    user,
    async request(method, url, body) {
      const res = await app.inject({
        method,
        url,
        headers: { cookie, origin: ORIGIN, host: 'localhost:80' },
        ...(body === undefined ? {} : { payload: body as object }),
      });
      return res;
    },
  };
}

function sessionCookie(res: { cookies: Array<{ name: string; value: string }> }): string {
  const c = res.cookies.find((x) => x.name === 'kodbok_session');
  if (!c) throw new Error('no session cookie set');
  return `kodbok_session=${c.value}`;
}

/** Creates the instance owner through POST /api/setup and returns their client. */
export async function setupOwner(app: App, name = 'Owner'): Promise<Client> {
  const email = `owner${++counter}@example.org`;
  const res = await app.inject({
    method: 'POST',
    url: '/api/setup',
    headers: { origin: ORIGIN, host: 'localhost:80' },
    payload: { email, name, password: 'owner password 123' },
  });
  if (res.statusCode !== 201) throw new Error(`setup failed: ${res.body}`);
  return clientFor(app, sessionCookie(res), res.json().user);
}

/** The owner creates an account, which then signs in; returns its client. */
export async function createUser(app: App, owner: Client, name = 'Coder'): Promise<Client> {
  const email = `user${++counter}@example.org`;
  const password = 'a good long password';
  const created = await owner.request('POST', '/api/users', { email, name, password });
  if (created.statusCode !== 201) throw new Error(`create user failed: ${created.body}`);
  const res = await app.inject({
    method: 'POST',
    url: '/api/session',
    headers: { origin: ORIGIN, host: 'localhost:80' },
    payload: { email, password },
  });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.body}`);
  return clientFor(app, sessionCookie(res), res.json().user);
}

/** A project with one study (given text) and a code, owned by `owner`. */
export async function createProjectWithStudy(
  owner: Client,
  text = 'Peer workers described role clarity as a daily struggle.',
) {
  const project = (
    await owner.request('POST', '/api/projects', { name: `Project ${++counter}` })
  ).json();
  const study = (
    await owner.request('POST', `/api/projects/${project.id}/studies`, { title: 'A study', text })
  ).json();
  const code = (
    await owner.request('POST', `/api/projects/${project.id}/codes`, { name: 'Role clarity' })
  ).json();
  return { project, study, documentId: study.documents[0].id as string, code };
}

/** A multipart/form-data body of `file` parts (and an optional mapping), as a browser sends it. */
export function multipartBody(
  files: Array<{ name: string; content: string | Buffer }>,
  fields: Record<string, string> = {},
) {
  const boundary = `----kodbok${Date.now().toString(16)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
      ),
    );
  }
  for (const f of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${f.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      Buffer.isBuffer(f.content) ? f.content : Buffer.from(f.content, 'utf8'),
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

/** POSTs files to the import endpoint as `client`. */
export async function upload(
  app: App,
  client: Client,
  url: string,
  files: Array<{ name: string; content: string | Buffer }>,
  fields: Record<string, string> = {},
) {
  const { payload, contentType } = multipartBody(files, fields);
  return app.inject({
    method: 'POST',
    url,
    headers: {
      cookie: client.cookie,
      origin: ORIGIN,
      host: 'localhost:80',
      'content-type': contentType,
    },
    payload,
  });
}
