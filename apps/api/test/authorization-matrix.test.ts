import { describe, expect, it } from 'vitest';
import { allowed, POLICY, type Action, type Requires, type Role } from '@kodbok/contracts';
import { startApp } from './helper';
import { ENDPOINT_ROUTES, ROUTES, rowOf, type Ctx } from './authorization-routes';
import {
  CALLERS,
  createPeople,
  createWorld,
  freshSession,
  must,
  personOf,
  registeredRoutes,
  roleOf,
  send,
  type CallerName,
  type Settings,
  type World,
} from './authorization-world';

/*
 * Issue 12: every endpoint of the table (packages/contracts) × every caller, against project A's
 * objects, compared with what the endpoint `requires` and the role rule. The rows
 * (authorization-routes.ts) say how to call the routes that need more than an empty request;
 * the people and objects are made in authorization-world.ts.
 */

/**
 * The role rule, written out rather than read from POLICY: changing policy.ts must take a
 * deliberate change here too. The first test names any difference; every route is held to this.
 */
const MAY: Record<Action, readonly Role[]> = {
  read: ['owner', 'supervisor', 'coder', 'viewer'],
  code: ['owner', 'supervisor', 'coder'],
  editCodebook: ['owner', 'supervisor'],
  manageStudies: ['owner', 'supervisor'],
  manageMembers: ['owner', 'supervisor'],
  editOthersHighlights: ['owner', 'supervisor'],
  superviseCoding: ['owner', 'supervisor'],
  manageProject: ['owner'],
  viewActivity: ['owner'],
};
const ROLES: readonly Role[] = ['owner', 'supervisor', 'coder', 'viewer'];

function mayDo(role: Role, action: Action, settings: Settings): boolean {
  // The rule's one setting: a project may let its coders change the codebook.
  if (action === 'editCodebook' && role === 'coder') return settings.coderCanEditCodebook;
  return MAY[action].includes(role);
}

const OK = '2xx';
type Outcome = typeof OK | number;
const outcome = (status: number): Outcome => (status >= 200 && status < 300 ? OK : status);
/** The start of an answer, for a failure message (an answer may be a whole export). */
const clip = (body: string) => body.slice(0, 300);

const ruleOf = (route: string): Requires => ENDPOINT_ROUTES.get(route)!.requires;

/** What `caller` must get from `route`, in a project with `settings`. */
function expected(route: string, caller: CallerName, settings: Settings): Outcome {
  const rule = ruleOf(route);
  const special = rowOf(route).except?.(caller, settings);
  if (special !== undefined) return special;
  if (rule === 'public') return OK;
  if (caller === 'anonymous') return 401;
  if (rule === 'signedIn' || rule === 'self') return OK;
  if (rule === 'instanceOwner') return caller === 'instanceOwner' ? OK : 403;
  const role = roleOf(caller);
  // Not a member (the instance owner neither): the project and its objects do not exist for them.
  if (!role) return 404;
  return mayDo(role, rule, settings) ? OK : 403;
}

const isAction = (rule: Requires): rule is Action => rule in MAY;

const SETTINGS: Array<[string, Settings]> = [
  ['default settings', { independentCoding: false, coderCanEditCodebook: false }],
  [
    'independent coding on and coders allowed to change the codebook',
    { independentCoding: true, coderCanEditCodebook: true },
  ],
];

const app = await startApp();
const people = await createPeople(app);
const worlds: World[] = [];
for (const [, settings] of SETTINGS) worlds.push(await createWorld(people, settings));
// Project B, the outsider's: the project of the cross-project checks.
const projectB = await people.outsider.request('POST', '/api/projects', { name: 'Project B' });
const otherProjectId = must(projectB, 201, 'project B').id as string;

/** Sends the route's request for the context; `build` defaults to the row's. */
async function call(route: string, ctx: Ctx, build = rowOf(route).build) {
  const row = rowOf(route);
  const req = (await build?.(ctx)) ?? {};
  const params = { projectId: ctx.projectId, ...req.params };
  const { person } = ctx;
  const cookie = person && (row.freshSession ? await freshSession(app, person) : person.cookie);
  const res = await send(app, route, { ...req, params }, cookie);
  row.after?.(ctx, req, res);
  return res;
}

/** Calls `route` as every caller and compares all answers at once, so a failure shows the row. */
async function checkRoute(route: string, w: World) {
  const want: Record<string, Outcome> = {};
  const got: Record<string, Outcome> = {};
  const wrong: string[] = [];
  for (const caller of CALLERS) {
    const ctx = { w, projectId: w.projectId, caller, person: personOf(people, caller) };
    const res = await call(route, ctx);
    want[caller] = expected(route, caller, w.settings);
    got[caller] = outcome(res.statusCode);
    if (got[caller] !== want[caller]) wrong.push(`${caller}: ${res.statusCode} ${clip(res.body)}`);
  }
  expect(got, wrong.join('\n')).toEqual(want);
}

const routes = [...ENDPOINT_ROUTES.keys()];
const projectRoutes = routes.filter((r) => isAction(ruleOf(r)));
const otherRoutes = routes.filter((r) => !isAction(ruleOf(r)));

describe('the role rule', () => {
  it('is the one in policy.ts', () => {
    expect(Object.keys(POLICY).sort()).toEqual(Object.keys(MAY).sort());
    const differences: string[] = [];
    for (const action of Object.keys(MAY) as Action[])
      for (const role of ROLES)
        for (const coderCanEditCodebook of [false, true]) {
          const policy = allowed(role, action, coderCanEditCodebook);
          if (policy !== mayDo(role, action, { coderCanEditCodebook, independentCoding: false }))
            differences.push(`${role} ${action} (coderCanEditCodebook ${coderCanEditCodebook})`);
        }
    expect(differences, 'policy.ts and this matrix disagree').toEqual([]);
  });
});

describe('the endpoint table', () => {
  // Swagger UI's own page and assets: public, third-party, and checked in security.test.ts.
  const registered = registeredRoutes(app).filter((r) => !/^GET \/api\/docs(\/|$)/.test(r));

  it('has every registered route (none is registered around it)', () => {
    expect(registered.filter((r) => !ENDPOINT_ROUTES.has(r))).toEqual([]);
  });

  it('has every endpoint registered', () => {
    expect(routes.filter((r) => !registered.includes(r))).toEqual([]);
  });

  it('leaves no row of how to call a route that is not in it', () => {
    expect(Object.keys(ROUTES).filter((r) => !ENDPOINT_ROUTES.has(r))).toEqual([]);
  });
});

describe.each(SETTINGS.map(([name], i): [string, World] => [name, worlds[i]!]))(
  'project routes, %s',
  (_, w) => {
    it.each(projectRoutes)('%s answers every caller as the role rule says', (route) =>
      checkRoute(route, w),
    );
  },
);

describe('routes outside projects', () => {
  it.each(otherRoutes)('%s answers every caller as its rule says', (route) =>
    checkRoute(route, worlds[0]!),
  );
});

/** Route parameters that name an object of one project (a member is one of its objects too). */
const OBJECT_PARAM = /:(studyId|documentId|codeId|highlightId|invitationId|undoId|userId)\b/;

describe('objects of another project', () => {
  const cases = projectRoutes.filter((r) => OBJECT_PARAM.test(r) || rowOf(r).cross);
  const w = worlds[0]!;

  it.each(cases)('%s answers 404 to the owner of project B asking for A’s', async (route) => {
    const ctx: Ctx = { w, projectId: otherProjectId, caller: 'outsider', person: people.outsider };
    const res = await call(route, ctx);
    expect(res.statusCode, clip(res.body)).toBe(rowOf(route).cross ?? 404);
  });
});

describe("another account's objects", () => {
  const cases = otherRoutes.filter((r) => ruleOf(r) === 'self');

  it.each(cases)('%s answers 404 to everyone but their owner', async (route) => {
    const wrong: string[] = [];
    for (const caller of CALLERS.filter((c) => c !== 'anonymous')) {
      const person = personOf(people, caller);
      const ctx = { w: worlds[0]!, projectId: worlds[0]!.projectId, caller, person };
      const res = await call(route, ctx, rowOf(route).others);
      if (res.statusCode !== 404) wrong.push(`${caller}: ${res.statusCode} ${clip(res.body)}`);
    }
    expect(wrong).toEqual([]);
  });
});
