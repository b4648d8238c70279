import type { Role } from '@kodbok/contracts';
import type { App } from '../src/app';
import {
  addMember,
  createCode,
  createHighlight,
  createUser,
  multipartBody,
  OWNER_PASSWORD,
  postSession,
  SAME_ORIGIN,
  sessionCookie,
  setupOwner,
  uniqueEmail,
  USER_PASSWORD,
  type Client,
  type Response,
} from './helper';

/*
 * The people, projects and objects the authorization matrix (authorization-matrix.test.ts) asks
 * about, and how it sends a request. Objects made fresh for one request: authorization-fresh.ts.
 */

/** Who calls: nobody, a member of each role, and two signed-in people who are not members. */
export const CALLERS = [
  'anonymous',
  'outsider',
  'instanceOwner',
  'viewer',
  'coder',
  'supervisor',
  'owner',
] as const;
export type CallerName = (typeof CALLERS)[number];

/** A signed-in account and its current password (PUT /api/me/password changes it). */
export type Person = Client & { password: string };

export interface People {
  /** The instance owner, a member of no project: instance rights must not open projects. */
  admin: Person;
  owner: Person;
  supervisor: Person;
  coder: Person;
  viewer: Person;
  /** A member of no project of the matrix, and the owner of project B. */
  outsider: Person;
  /** A second coder of project A, whose highlight and assignment are someone else's. */
  coder2: Person;
  /** An account that is nobody's caller: it signs in for the anonymous caller, invites, is removed. */
  spare: Person;
}

/** The project settings that change what a role may do. */
export interface Settings {
  independentCoding: boolean;
  coderCanEditCodebook: boolean;
}

export const TEXT =
  'Peer workers described role clarity as a daily struggle. Supervision helped peers cope.';

/** Project A with one object of every kind, as its members made them. */
export interface World {
  settings: Settings;
  people: People;
  projectId: string;
  studyId: string;
  documentId: string;
  codeId: string;
  otherCodeId: string;
  highlights: { coder: string; coder2: string; owner: string };
  invitationId: string;
}

let counter = 0;
/** A name no other object of the run has. */
export const unique = (prefix: string) => `${prefix} ${++counter}`;

export async function createPeople(app: App): Promise<People> {
  const adminClient = await setupOwner(app, 'Instance Owner');
  const admin = { ...adminClient, password: OWNER_PASSWORD };
  const person = async (name: string) => ({
    ...(await createUser(app, adminClient, name)),
    password: USER_PASSWORD,
  });
  return {
    admin,
    owner: await person('Olga Owner'),
    supervisor: await person('Sam Supervisor'),
    coder: await person('Cleo Coder'),
    viewer: await person('Vic Viewer'),
    outsider: await person('Otto Outsider'),
    coder2: await person('Cody Coder'),
    spare: await person('Spare Account'),
  };
}

/** The person behind a caller; null for the anonymous one. */
export function personOf(people: People, caller: CallerName): Person | null {
  if (caller === 'anonymous') return null;
  if (caller === 'instanceOwner') return people.admin;
  return people[caller];
}

/** The caller's role in project A, if any. */
export function roleOf(caller: CallerName): Role | null {
  return caller === 'owner' || caller === 'supervisor' || caller === 'coder' || caller === 'viewer'
    ? caller
    : null;
}

/** Throws unless a setup request answered `status`: the matrix never runs on a half-made world. */
export function must(res: Response, status: number, what: string): any {
  if (res.statusCode !== status) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  return res.body ? res.json() : null;
}

/** A project of `owner` with these settings and a supervisor, a coder and a viewer. */
export async function createProject(people: People, settings: Settings): Promise<string> {
  const { owner } = people;
  const created = await owner.request('POST', '/api/projects', { name: unique('Project') });
  const projectId = must(created, 201, 'create project').id as string;
  must(await owner.request('PATCH', `/api/projects/${projectId}`, settings), 200, 'settings');
  await addMember(owner, projectId, people.supervisor, 'supervisor');
  await addMember(owner, projectId, people.coder, 'coder');
  await addMember(owner, projectId, people.viewer, 'viewer');
  return projectId;
}

export async function createWorld(people: People, settings: Settings): Promise<World> {
  const { owner, coder, coder2 } = people;
  const projectId = await createProject(people, settings);
  await addMember(owner, projectId, coder2, 'coder');
  const base = `/api/projects/${projectId}`;
  const study = must(
    await owner.request('POST', `${base}/studies`, {
      title: 'A study',
      text: TEXT,
      attributes: { country: 'Norway' },
    }),
    201,
    'create study',
  );
  const documentId = study.documents[0].id as string;
  const code = await createCode(owner, projectId, 'Role clarity');
  const otherCode = await createCode(owner, projectId, 'Peer support');
  const highlights = {
    coder: (await createHighlight(coder, documentId, 'role clarity', [code.id])).id,
    coder2: (await createHighlight(coder2, documentId, 'role clarity', [code.id])).id,
    owner: (await createHighlight(owner, documentId, 'daily struggle', [otherCode.id])).id,
  };
  const memo = { on: 'study', id: study.id, text: 'Read the methods twice.' };
  must(await owner.request('PUT', `${base}/memos`, memo), 200, 'memo');
  const assignment = { studyIds: [study.id], userIds: [coder.user.id, coder2.user.id] };
  must(await owner.request('POST', `${base}/assignments`, assignment), 201, 'assign');
  const invited = { email: uniqueEmail('invitee'), role: 'coder' };
  const invitation = must(
    await owner.request('POST', `${base}/invitations`, invited),
    201,
    'invite',
  );
  return {
    settings,
    people,
    projectId,
    studyId: study.id,
    documentId,
    codeId: code.id,
    otherCodeId: otherCode.id,
    highlights,
    invitationId: invitation.id,
  };
}

/** What one request of the matrix sends: path parameters, query, and a JSON or multipart body. */
export interface Req {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  /** Files sent as multipart/form-data `file` parts instead of a JSON body. */
  files?: Array<{ name: string; content: string }>;
}

/** Sends `req` to the route "METHOD /path/:param" with `cookie` (none: anonymous). */
export function send(app: App, route: string, req: Req, cookie: string | null) {
  const [method, pattern] = route.split(' ') as [string, string];
  const path = pattern.replace(/:(\w+)/g, (_, name: string) => {
    const value = req.params?.[name];
    if (value === undefined) throw new Error(`${route}: no value for :${name}`);
    return encodeURIComponent(value);
  });
  const query = req.query ? `?${new URLSearchParams(req.query)}` : '';
  const headers: Record<string, string> = { ...SAME_ORIGIN, ...(cookie ? { cookie } : {}) };
  const multipart = req.files ? multipartBody(req.files) : null;
  if (multipart) headers['content-type'] = multipart.contentType;
  const payload = multipart?.payload ?? (req.body as object | undefined);
  return app.inject({
    method: method as 'GET',
    url: path + query,
    headers,
    ...(payload === undefined ? {} : { payload }),
  });
}

/** A new session of `person`, for the requests that end or replace the one they come with. */
export async function freshSession(app: App, person: Person): Promise<string> {
  const res = await postSession(app, person.user.email, person.password);
  must(res, 200, `sign in ${person.user.name}`);
  return sessionCookie(res);
}

/** Every route the app registered, as "METHOD /path"; the HEAD twin Fastify adds to a GET is left out. */
export function registeredRoutes(app: App): string[] {
  const routes: string[] = [];
  const path: string[] = [];
  // printRoutes draws the router's tree, one route node a line: "│   ├── segment (GET, HEAD)",
  // four characters of indent a level; a node's path is its ancestors' segments and its own.
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /^((?:[│ ] {3})*)[├└]── (.+?) \(([A-Z, ]+)\)/.exec(line);
    if (!m) continue;
    path.length = m[1]!.length / 4;
    path.push(m[2]!);
    for (const method of m[3]!.split(', '))
      if (method !== 'HEAD') routes.push(`${method} ${path.join('')}`);
  }
  return routes;
}
