import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyServerOptions } from 'fastify';
import { afterAll } from 'vitest';
import type { Code, Highlight } from '@kodbok/contracts';
import { openDatabase } from '@kodbok/db';
import { buildApp, type App } from '../src/app';
import { loadConfig, type Config } from '../src/config';

export const ORIGIN = 'http://localhost:80';
/** Headers of a same-origin browser request (what the web app sends). */
export const SAME_ORIGIN = { origin: ORIGIN, host: 'localhost:80' };
export const OWNER_PASSWORD = 'owner password 123';
export const USER_PASSWORD = 'a good long password';

/**
 * A fresh server on a fresh SQLite file (WAL, migrated) for one test file. The demo project is
 * off unless asked for, so tests create what they assert on.
 */
export async function startApp(
  options: {
    demo?: boolean;
    importLimit?: number;
    config?: Partial<Config>;
    /** Fastify's own options (a test's logger, say). */
    fastify?: FastifyServerOptions;
  } = {},
): Promise<App> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'kodbok-test-'));
  const config = {
    ...loadConfig({ KODBOK_DATA_DIR: dataDir, LOG_LEVEL: 'silent' }),
    seedDemo: options.demo ?? false,
    ...(options.importLimit ? { importLimit: options.importLimit } : {}),
    webDist: null,
    ...options.config,
  };
  const app = await buildApp(config, options.fastify);
  afterAll(async () => {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return app;
}

/**
 * A fresh server (as `startApp`) with a second connection to its SQLite file, for tests that look
 * at (or write to) the tables directly.
 */
export async function startAppWithDatabase(options: Parameters<typeof startApp>[0] = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'kodbok-test-db-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const databaseFile = path.join(dir, 'kodbok.sqlite');
  const app = await startApp({ ...options, config: { ...options.config, databaseFile } });
  const db = openDatabase(databaseFile, { migrate: false });
  afterAll(() => db.$client.close());
  return { app, db, databaseFile };
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
export interface Response {
  statusCode: number;
  json: () => any;
  body: string;
  headers: Record<string, unknown>;
  cookies: Array<{ name: string; value: string }>;
}

/** A signed-in client: remembers its session cookie and sends a same-origin Origin header. */
export interface Client {
  cookie: string;
  user: { id: string; email: string; name: string };
  request(method: Method, url: string, body?: unknown): Promise<Response>;
}

let counter = 0;
/** A fresh e-mail address, so no test depends on another's accounts. */
export const uniqueEmail = (prefix = 'user') => `${prefix}${++counter}@example.org`;

function clientFor(app: App, cookie: string, user: Client['user']): Client {
  return {
    cookie,
    user,
    request: (method, url, body) =>
      app.inject({
        method,
        url,
        headers: { cookie, ...SAME_ORIGIN },
        ...(body === undefined ? {} : { payload: body as object }),
      }),
  };
}

/** The `kodbok_session=…` pair a response sets. */
export function sessionCookie(res: { cookies: Array<{ name: string; value: string }> }): string {
  const c = res.cookies.find((x) => x.name === 'kodbok_session');
  if (!c) throw new Error('no session cookie set');
  return `kodbok_session=${c.value}`;
}

/** Creates the instance owner through POST /api/setup and returns their client. */
export async function setupOwner(app: App, name = 'Owner'): Promise<Client> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/setup',
    headers: SAME_ORIGIN,
    payload: { email: uniqueEmail('owner'), name, password: OWNER_PASSWORD },
  });
  if (res.statusCode !== 201) throw new Error(`setup failed: ${res.body}`);
  return clientFor(app, sessionCookie(res), res.json().user);
}

/** POST /api/session as a browser would; the raw response. */
export function postSession(app: App, email: string, password: string, cookie?: string) {
  return app.inject({
    method: 'POST',
    url: '/api/session',
    headers: { ...SAME_ORIGIN, ...(cookie ? { cookie } : {}) },
    payload: { email, password },
  });
}

/** Signs in and returns a client with a new session. */
export async function signIn(app: App, email: string, password: string): Promise<Client> {
  const res = await postSession(app, email, password);
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.body}`);
  return clientFor(app, sessionCookie(res), res.json().user);
}

/** The owner creates an account, which then signs in; returns its client. */
export async function createUser(app: App, owner: Client, name = 'Coder'): Promise<Client> {
  const email = uniqueEmail();
  const created = await owner.request('POST', '/api/users', {
    email,
    name,
    password: USER_PASSWORD,
  });
  if (created.statusCode !== 201) throw new Error(`create user failed: ${created.body}`);
  return signIn(app, email, USER_PASSWORD);
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

/** Adds `member` to a project with `role`: `by` (an owner or supervisor) invites, `member` accepts. */
export async function addMember(
  by: Client,
  projectId: string,
  member: Client,
  role: 'owner' | 'supervisor' | 'coder' | 'viewer',
) {
  const invited = await by.request('POST', `/api/projects/${projectId}/invitations`, {
    email: member.user.email,
    role,
  });
  if (invited.statusCode !== 201) throw new Error(`invite failed: ${invited.body}`);
  const accepted = await member.request('POST', `/api/me/invitations/${invited.json().id}/accept`);
  if (accepted.statusCode !== 200) throw new Error(`accept failed: ${accepted.body}`);
}

/** A code in a project; throws unless it was created. */
export async function createCode(
  by: Client,
  projectId: string,
  name: string,
  extra: { parentId?: string | null } = {},
) {
  const res = await by.request('POST', `/api/projects/${projectId}/codes`, { name, ...extra });
  if (res.statusCode !== 201) throw new Error(`create code failed: ${res.body}`);
  return res.json() as Code;
}

/** Highlights the first occurrence of `quote` in the document text with `codeIds`. */
export async function createHighlight(
  by: Client,
  documentId: string,
  quote: string,
  codeIds: string[],
  memo?: string,
) {
  const doc = (await by.request('GET', `/api/documents/${documentId}`)).json();
  const start = (doc.text as string).indexOf(quote);
  if (start < 0) throw new Error(`"${quote}" is not in the document`);
  const res = await by.request('POST', `/api/documents/${documentId}/highlights`, {
    start,
    end: start + quote.length,
    quote,
    codeIds,
    memo,
  });
  if (res.statusCode !== 201) throw new Error(`create highlight failed: ${res.body}`);
  return res.json() as Highlight;
}

/** `n` distinct words of four characters (w000 w001 …): joined by spaces, the i-th starts at 5i. */
export const numberedWords = (n: number) =>
  Array.from({ length: n }, (_, i) => `w${String(i).padStart(3, '0')}`);

/**
 * `by` codes the i-th word of a text of `numberedWords` with `codeId`, without reading the
 * document first (for bursts); the answer as it came.
 */
export function highlightWord(by: Client, documentId: string, i: number, codeId: string) {
  const start = i * 5;
  return by.request('POST', `/api/documents/${documentId}/highlights`, {
    start,
    end: start + 4,
    quote: `w${String(i).padStart(3, '0')}`,
    codeIds: [codeId],
  });
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
