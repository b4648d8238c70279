import { ENDPOINTS, type Endpoint } from '@kodbok/contracts';
import { uniqueEmail, USER_PASSWORD, type Response } from './helper';
import {
  freshAssignment,
  freshAttribute,
  freshCode,
  freshHighlight,
  freshInvitation,
  freshProject,
  freshStudy,
  freshToken,
  freshUndo,
  invitationTo,
  spareMember,
} from './authorization-fresh';
import {
  TEXT,
  unique,
  type CallerName,
  type Person,
  type Req,
  type Settings,
  type World,
} from './authorization-world';

export interface Ctx {
  w: World;
  /** Project A's id; project B's in the cross-project check, with A's objects. */
  projectId: string;
  caller: CallerName;
  person: Person | null;
}

/**
 * How to call one route of the matrix, where an empty request will not do. What the route
 * requires is its endpoint's `requires` (packages/contracts). `:projectId` is filled from the
 * context unless `build` sets it.
 */
export interface Row {
  /** The request; objects it makes are fresh for this one call. */
  build?: (ctx: Ctx) => Req | Promise<Req>;
  /** Sent with a new session of the caller, since the route ends or replaces its session. */
  freshSession?: boolean;
  /** An answer other than the rule's, for a reason given at the row. */
  except?: (caller: CallerName, settings: Settings) => number | undefined;
  /**
   * The answer to project B's owner sending A's objects through B, where the A object is not an
   * id in the path (a body, a query, a name); ids in the path must answer 404 anyway.
   */
  cross?: number;
  /** self rules: the same request on an object of another account. */
  others?: (ctx: Ctx) => Req | Promise<Req>;
  after?: (ctx: Ctx, req: Req, res: Response) => void;
}

const QDE = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Small" origin="Matrix">
<CodeBook><Codes><Code guid="11111111-1111-4111-8111-111111111111" name="Theme" isCodable="true"/></Codes></CodeBook>
</Project>`;
const RIS = 'TY  - JOUR\nTI  - Peer support at work\nAU  - Doe, Jane\nPY  - 2021\nER  - \n';

/** A highlight body for the first `quote` of the study's text. */
function span(quote: string, codeId: string) {
  const start = TEXT.indexOf(quote);
  return { start, end: start + quote.length, quote, codeIds: [codeId] };
}
const coderIds = (w: World) => [w.people.coder.user.id, w.people.coder2.user.id];
const ofStudy = ({ w }: Ctx) => ({ params: { studyId: w.studyId } });
const ofDocument = ({ w }: Ctx) => ({ params: { documentId: w.documentId } });
const compare = ({ w }: Ctx) => ({ query: { coders: coderIds(w).join(',') } });
const download = (format: string) => () => ({ params: { format } });

/** With independent coding, another coder's highlight is as if it did not exist: 404, not 403. */
const hiddenFromCoder = (caller: CallerName, s: Settings) =>
  caller === 'coder' && s.independentCoding ? 404 : undefined;

const NEW_PASSWORD = 'a changed long password';

const SESSION: Record<string, Row> = {
  'POST /api/setup': {
    build: () => ({ body: { email: uniqueEmail('late'), name: 'Late', password: NEW_PASSWORD } }),
    // Setup is the first account's: once done, nobody (signed in or not) makes an instance owner.
    except: () => 409,
  },
  'POST /api/session': {
    freshSession: true,
    build: ({ w, person }) => {
      const who = person ?? w.people.spare;
      return { body: { email: who.user.email, password: who.password } };
    },
  },
  'DELETE /api/session': { freshSession: true },
  'PUT /api/me/password': {
    build: ({ person }) => ({
      body: {
        currentPassword: person?.password ?? USER_PASSWORD,
        newPassword: person?.password === NEW_PASSWORD ? USER_PASSWORD : NEW_PASSWORD,
      },
    }),
    after: ({ person }, req, res) => {
      if (person && res.statusCode === 200)
        person.password = (req.body as { newPassword: string }).newPassword;
    },
  },
  'POST /api/tokens': { build: () => ({ body: { name: unique('token') } }) },
  'DELETE /api/tokens/:tokenId': {
    build: async ({ w, person }) => ({ params: { tokenId: await freshToken(w.people, person) } }),
    others: async ({ w }) => ({ params: { tokenId: await freshToken(w.people, null) } }),
  },
  'POST /api/users': {
    build: () => ({
      body: { email: uniqueEmail('account'), name: 'New Account', password: USER_PASSWORD },
    }),
  },
  'PATCH /api/users/:userId': {
    build: ({ w }) => ({ params: { userId: w.people.spare.user.id }, body: { name: 'Spare' } }),
  },
};

/** An invitation to the caller (to nobody for the anonymous caller), and one to someone else. */
const myInvitation: Pick<Row, 'build' | 'others'> = {
  build: async ({ w, person }) => ({
    params: { invitationId: await invitationTo(w.people, person?.user.email ?? uniqueEmail()) },
  }),
  others: async ({ w }) => ({
    params: { invitationId: await invitationTo(w.people, uniqueEmail('someone')) },
  }),
};

const PROJECTS: Record<string, Row> = {
  'POST /api/projects': { build: () => ({ body: { name: unique('Project') } }) },
  'POST /api/projects/from-qdpx': {
    build: () => ({ query: { mode: 'preview' }, files: [{ name: 'small.qde', content: QDE }] }),
  },
  'PATCH /api/projects/:projectId': {
    build: () => ({ body: { name: 'Project A' } }),
  },
  'DELETE /api/projects/:projectId': {
    build: async ({ w }) => ({ params: { projectId: await freshProject(w) } }),
  },
  'PATCH /api/projects/:projectId/members/:userId': {
    // The second coder stays a coder: only owners change an owner's role or make owners.
    build: ({ w }) => ({ params: { userId: w.people.coder2.user.id }, body: { role: 'coder' } }),
  },
  'DELETE /api/projects/:projectId/members/:userId': {
    build: async ({ w }) => ({ params: { userId: await spareMember(w) } }),
  },
  'POST /api/projects/:projectId/invitations': {
    build: () => ({ body: { email: uniqueEmail('invitee'), role: 'coder' } }),
  },
  'DELETE /api/projects/:projectId/invitations/:invitationId': {
    build: async ({ w }) => ({ params: { invitationId: await freshInvitation(w) } }),
  },
  'POST /api/me/invitations/:invitationId/accept': { ...myInvitation },
  'POST /api/me/invitations/:invitationId/decline': { ...myInvitation },
};

const STUDIES: Record<string, Row> = {
  'POST /api/projects/:projectId/studies': {
    build: () => ({ body: { title: unique('Study'), text: TEXT } }),
  },
  'POST /api/projects/:projectId/studies/delete': {
    build: async ({ w }) => ({ body: { studyIds: [await freshStudy(w)] } }),
    // One study of another project refuses the whole deletion, as an unknown id does.
    cross: 404,
  },
  'GET /api/studies/:studyId': { build: ofStudy },
  'PATCH /api/studies/:studyId': {
    build: ({ w }) => ({ params: { studyId: w.studyId }, body: { journal: 'Peer Work' } }),
  },
  'DELETE /api/studies/:studyId': {
    build: async ({ w }) => ({ params: { studyId: await freshStudy(w) } }),
  },
  'POST /api/projects/:projectId/imports': {
    build: () => ({ query: { mode: 'preview' }, files: [{ name: 'one.ris', content: RIS }] }),
  },
  'GET /api/documents/:documentId': { build: ofDocument },
  // Attributes are named, not numbered: project B may have a "country" of its own, so the
  // cross-project case of this route is no case.
  'PUT /api/projects/:projectId/attributes/:name': {
    build: () => ({ params: { name: 'country' }, body: { type: 'text' } }),
  },
  'POST /api/projects/:projectId/attributes/:name/studies': {
    build: ({ w }) => ({
      params: { name: 'country' },
      body: { studyIds: [w.studyId], value: 'Norway' },
    }),
    // A study of another project undoes the whole change, as an unknown one does.
    cross: 404,
  },
  'DELETE /api/projects/:projectId/attributes/:name': {
    build: async ({ w }) => ({ params: { name: await freshAttribute(w) } }),
    // Project A's attribute is not project B's.
    cross: 404,
  },
  'GET /api/projects/:projectId/memos': {
    build: ({ w }) => ({ query: { on: 'study', id: w.studyId } }),
    // The memo's target is project A's study: not found in B.
    cross: 404,
  },
  'PUT /api/projects/:projectId/memos': {
    build: ({ w, caller }) => ({ body: { on: 'study', id: w.studyId, text: `By ${caller}.` } }),
    cross: 404,
  },
};

const CODING: Record<string, Row> = {
  'POST /api/projects/:projectId/codes': {
    build: () => ({ body: { name: unique('Code') } }),
  },
  'PATCH /api/codes/:codeId': {
    build: ({ w }) => ({
      params: { codeId: w.codeId },
      body: { description: 'What the role is.' },
    }),
  },
  'DELETE /api/codes/:codeId': {
    build: async ({ w }) => ({ params: { codeId: await freshCode(w) } }),
  },
  'POST /api/codes/:codeId/merge': {
    build: async ({ w }) => ({
      params: { codeId: await freshCode(w) },
      body: { intoCodeId: w.otherCodeId },
    }),
  },
  'POST /api/projects/:projectId/codes/import': {
    build: () => ({
      query: { mode: 'preview' },
      files: [{ name: 'codebook.csv', content: 'name\nImported code\n' }],
    }),
  },
  // Each caller undoes a deletion of their own (freshUndo): a record is its author's alone.
  'POST /api/codebook-undo/:undoId': {
    build: async ({ w, caller }) => ({ params: { undoId: await freshUndo(w, caller) } }),
  },
  'POST /api/documents/:documentId/highlights': {
    build: ({ w }) => ({ params: { documentId: w.documentId }, body: span('Peer', w.codeId) }),
  },
  // Both on the second coder's highlight: changing one's own takes only `code`.
  'PATCH /api/highlights/:highlightId': {
    build: ({ w }) => ({ params: { highlightId: w.highlights.coder2 }, body: { memo: 'Seen.' } }),
    except: hiddenFromCoder,
  },
  'DELETE /api/highlights/:highlightId': {
    build: async ({ w }) => ({ params: { highlightId: await freshHighlight(w) } }),
    except: hiddenFromCoder,
  },
};

const ANALYSIS: Record<string, Row> = {
  'GET /api/projects/:projectId/crosstab': {
    build: () => ({ query: { attribute: 'country' } }),
  },
  'GET /api/projects/:projectId/search': { build: () => ({ query: { q: 'peer' } }) },
  'GET /api/projects/:projectId/exports/excerpts.:format': { build: download('csv') },
  'GET /api/projects/:projectId/exports/matrix.:format': { build: download('csv') },
  'GET /api/projects/:projectId/exports/presence.:format': { build: download('csv') },
  'GET /api/projects/:projectId/exports/codebook.:format': { build: download('csv') },
  'GET /api/projects/:projectId/exports/memos.:format': { build: download('md') },
};

const SUPERVISION: Record<string, Row> = {
  'POST /api/projects/:projectId/assignments': {
    build: ({ w }) => ({
      body: { studyIds: [w.studyId], userIds: [w.people.coder2.user.id] },
    }),
  },
  'DELETE /api/studies/:studyId/assignments/:userId': {
    build: async ({ w }) => ({ params: await freshAssignment(w) }),
  },
  // The second coder's assignment: marking one's own done takes only `code`.
  'PUT /api/studies/:studyId/assignments/:userId/done': {
    build: ({ w }) => ({
      params: { studyId: w.studyId, userId: w.people.coder2.user.id },
      body: { done: false },
    }),
  },
  'GET /api/projects/:projectId/agreement': { build: compare },
  'GET /api/projects/:projectId/agreement/grid': { build: compare },
  'GET /api/documents/:documentId/disagreements': {
    build: (ctx) => ({ ...ofDocument(ctx), ...compare(ctx) }),
  },
  'POST /api/documents/:documentId/resolutions': {
    build: ({ w }) => {
      const { start, end } = span('role clarity', w.codeId);
      const [coder, coder2] = coderIds(w);
      return {
        params: { documentId: w.documentId },
        body: { codeId: w.codeId, start, end, coders: [coder, coder2], accept: [coder] },
      };
    },
  },
  'POST /api/documents/:documentId/resolutions/agreements': {
    build: ({ w }) => ({ params: { documentId: w.documentId }, body: { coders: coderIds(w) } }),
  },
  'POST /api/documents/:documentId/comments': {
    build: ({ w }) => ({
      params: { documentId: w.documentId },
      body: { codeId: w.codeId, start: 0, end: 4, body: 'Is this role clarity?' },
    }),
  },
  'PUT /api/studies/:studyId/reconciliation': {
    build: ({ w }) => ({ params: { studyId: w.studyId }, body: { reconciled: false } }),
  },
};

/** The groups as one table, refusing a second row for a route (a spread would drop one silently). */
function table(...groups: Array<Record<string, Row>>): Record<string, Row> {
  const rows: Record<string, Row> = {};
  for (const [route, row] of groups.flatMap((g) => Object.entries(g))) {
    if (route in rows) throw new Error(`two rows for ${route}`);
    rows[route] = row;
  }
  return rows;
}

/** How to call the routes that need more than an empty request; the matrix fails on a stale row. */
export const ROUTES = table(SESSION, PROJECTS, STUDIES, CODING, ANALYSIS, SUPERVISION);

/** Every endpoint of the table (packages/contracts) by its route, "METHOD /api/path". */
export const ENDPOINT_ROUTES = new Map(
  Object.values(ENDPOINTS as Record<string, Endpoint>).map((e) => [`${e.method} /api${e.path}`, e]),
);

/** The row of a route of the table: how to call it (nothing special when it has none). */
export const rowOf = (route: string): Row => ROUTES[route] ?? {};
