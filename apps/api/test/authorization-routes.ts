import type { Action } from '@kodbok/contracts';
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

/**
 * What a route requires: a project action of the policy, or
 * - public: anyone, signed in or not;
 * - signedIn: any account (its own things: its projects, its tokens, its invitations);
 * - self: any account, on an object that is its own (another account's answers 404);
 * - instanceOwner: the instance owner only (accounts, backups).
 */
export type Rule = Action | 'public' | 'signedIn' | 'self' | 'instanceOwner';

export interface Ctx {
  w: World;
  /** Project A's id; project B's in the cross-project check, with A's objects. */
  projectId: string;
  caller: CallerName;
  person: Person | null;
}

/** One route of the matrix. `:projectId` is filled from the context unless `build` sets it. */
export interface Row {
  rule: Rule;
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
  'GET /api/health': { rule: 'public' },
  'GET /api/openapi.json': { rule: 'public' },
  'GET /api/setup': { rule: 'public' },
  'POST /api/setup': {
    rule: 'public',
    build: () => ({ body: { email: uniqueEmail('late'), name: 'Late', password: NEW_PASSWORD } }),
    // Setup is the first account's: once done, nobody (signed in or not) makes an instance owner.
    except: () => 409,
  },
  'POST /api/session': {
    rule: 'public',
    freshSession: true,
    build: ({ w, person }) => {
      const who = person ?? w.people.spare;
      return { body: { email: who.user.email, password: who.password } };
    },
  },
  'GET /api/session': { rule: 'public' },
  'DELETE /api/session': { rule: 'public', freshSession: true },
  'GET /api/me': { rule: 'signedIn' },
  'PUT /api/me/password': {
    rule: 'signedIn',
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
  'GET /api/tokens': { rule: 'signedIn' },
  'POST /api/tokens': { rule: 'signedIn', build: () => ({ body: { name: unique('token') } }) },
  'DELETE /api/tokens/:tokenId': {
    rule: 'self',
    build: async ({ w, person }) => ({ params: { tokenId: await freshToken(w.people, person) } }),
    others: async ({ w }) => ({ params: { tokenId: await freshToken(w.people, null) } }),
  },
  'GET /api/users': { rule: 'instanceOwner' },
  'POST /api/users': {
    rule: 'instanceOwner',
    build: () => ({
      body: { email: uniqueEmail('account'), name: 'New Account', password: USER_PASSWORD },
    }),
  },
  'PATCH /api/users/:userId': {
    rule: 'instanceOwner',
    build: ({ w }) => ({ params: { userId: w.people.spare.user.id }, body: { name: 'Spare' } }),
  },
  'GET /api/admin/backup': { rule: 'instanceOwner' },
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
  'GET /api/projects': { rule: 'signedIn' },
  'POST /api/projects': { rule: 'signedIn', build: () => ({ body: { name: unique('Project') } }) },
  'POST /api/projects/from-qdpx': {
    rule: 'signedIn',
    build: () => ({ query: { mode: 'preview' }, files: [{ name: 'small.qde', content: QDE }] }),
  },
  'GET /api/projects/:projectId': { rule: 'read' },
  'PATCH /api/projects/:projectId': {
    rule: 'manageProject',
    build: () => ({ body: { name: 'Project A' } }),
  },
  'DELETE /api/projects/:projectId': {
    rule: 'manageProject',
    build: async ({ w }) => ({ params: { projectId: await freshProject(w) } }),
  },
  'GET /api/projects/:projectId/members': { rule: 'read' },
  'PATCH /api/projects/:projectId/members/:userId': {
    rule: 'manageMembers',
    // The second coder stays a coder: only owners change an owner's role or make owners.
    build: ({ w }) => ({ params: { userId: w.people.coder2.user.id }, body: { role: 'coder' } }),
  },
  'DELETE /api/projects/:projectId/members/:userId': {
    rule: 'manageMembers',
    build: async ({ w }) => ({ params: { userId: await spareMember(w) } }),
  },
  'GET /api/projects/:projectId/invitations': { rule: 'manageMembers' },
  'POST /api/projects/:projectId/invitations': {
    rule: 'manageMembers',
    build: () => ({ body: { email: uniqueEmail('invitee'), role: 'coder' } }),
  },
  'DELETE /api/projects/:projectId/invitations/:invitationId': {
    rule: 'manageMembers',
    build: async ({ w }) => ({ params: { invitationId: await freshInvitation(w) } }),
  },
  'GET /api/me/invitations': { rule: 'signedIn' },
  'POST /api/me/invitations/:invitationId/accept': { rule: 'self', ...myInvitation },
  'POST /api/me/invitations/:invitationId/decline': { rule: 'self', ...myInvitation },
  'GET /api/projects/:projectId/activity': { rule: 'viewActivity' },
};

const STUDIES: Record<string, Row> = {
  'GET /api/projects/:projectId/studies': { rule: 'read' },
  'POST /api/projects/:projectId/studies': {
    rule: 'manageStudies',
    build: () => ({ body: { title: unique('Study'), text: TEXT } }),
  },
  'POST /api/projects/:projectId/studies/delete': {
    rule: 'manageStudies',
    build: async ({ w }) => ({ body: { studyIds: [await freshStudy(w)] } }),
    // One study of another project refuses the whole deletion, as an unknown id does.
    cross: 404,
  },
  'GET /api/studies/:studyId': { rule: 'read', build: ofStudy },
  'PATCH /api/studies/:studyId': {
    rule: 'manageStudies',
    build: ({ w }) => ({ params: { studyId: w.studyId }, body: { journal: 'Peer Work' } }),
  },
  'DELETE /api/studies/:studyId': {
    rule: 'manageStudies',
    build: async ({ w }) => ({ params: { studyId: await freshStudy(w) } }),
  },
  'POST /api/projects/:projectId/imports': {
    rule: 'manageStudies',
    build: () => ({ query: { mode: 'preview' }, files: [{ name: 'one.ris', content: RIS }] }),
  },
  'GET /api/documents/:documentId': { rule: 'read', build: ofDocument },
  'GET /api/projects/:projectId/attributes': { rule: 'read' },
  // Attributes are named, not numbered: project B may have a "country" of its own, so the
  // cross-project case of this route is no case.
  'PUT /api/projects/:projectId/attributes/:name': {
    rule: 'manageStudies',
    build: () => ({ params: { name: 'country' }, body: { type: 'text' } }),
  },
  'POST /api/projects/:projectId/attributes/:name/studies': {
    rule: 'manageStudies',
    build: ({ w }) => ({
      params: { name: 'country' },
      body: { studyIds: [w.studyId], value: 'Norway' },
    }),
    // A study of another project undoes the whole change, as an unknown one does.
    cross: 404,
  },
  'DELETE /api/projects/:projectId/attributes/:name': {
    rule: 'manageStudies',
    build: async ({ w }) => ({ params: { name: await freshAttribute(w) } }),
    // Project A's attribute is not project B's.
    cross: 404,
  },
  'GET /api/projects/:projectId/memos': {
    rule: 'read',
    build: ({ w }) => ({ query: { on: 'study', id: w.studyId } }),
    // The memo's target is project A's study: not found in B.
    cross: 404,
  },
  'PUT /api/projects/:projectId/memos': {
    rule: 'code',
    build: ({ w, caller }) => ({ body: { on: 'study', id: w.studyId, text: `By ${caller}.` } }),
    cross: 404,
  },
};

const CODING: Record<string, Row> = {
  'GET /api/projects/:projectId/codes': { rule: 'read' },
  'POST /api/projects/:projectId/codes': {
    rule: 'editCodebook',
    build: () => ({ body: { name: unique('Code') } }),
  },
  'PATCH /api/codes/:codeId': {
    rule: 'editCodebook',
    build: ({ w }) => ({
      params: { codeId: w.codeId },
      body: { description: 'What the role is.' },
    }),
  },
  'DELETE /api/codes/:codeId': {
    rule: 'editCodebook',
    build: async ({ w }) => ({ params: { codeId: await freshCode(w) } }),
  },
  'POST /api/codes/:codeId/merge': {
    rule: 'editCodebook',
    build: async ({ w }) => ({
      params: { codeId: await freshCode(w) },
      body: { intoCodeId: w.otherCodeId },
    }),
  },
  'GET /api/projects/:projectId/codes/examples': { rule: 'read' },
  'POST /api/projects/:projectId/codes/import': {
    rule: 'editCodebook',
    build: () => ({
      query: { mode: 'preview' },
      files: [{ name: 'codebook.csv', content: 'name\nImported code\n' }],
    }),
  },
  // Each caller undoes a deletion of their own (freshUndo): a record is its author's alone.
  'POST /api/codebook-undo/:undoId': {
    rule: 'editCodebook',
    build: async ({ w, caller }) => ({ params: { undoId: await freshUndo(w, caller) } }),
  },
  'POST /api/documents/:documentId/highlights': {
    rule: 'code',
    build: ({ w }) => ({ params: { documentId: w.documentId }, body: span('Peer', w.codeId) }),
  },
  // Both on the second coder's highlight: changing one's own takes only `code`.
  'PATCH /api/highlights/:highlightId': {
    rule: 'editOthersHighlights',
    build: ({ w }) => ({ params: { highlightId: w.highlights.coder2 }, body: { memo: 'Seen.' } }),
    except: hiddenFromCoder,
  },
  'DELETE /api/highlights/:highlightId': {
    rule: 'editOthersHighlights',
    build: async ({ w }) => ({ params: { highlightId: await freshHighlight(w) } }),
    except: hiddenFromCoder,
  },
};

const ANALYSIS: Record<string, Row> = {
  'GET /api/projects/:projectId/frequencies': { rule: 'read' },
  'GET /api/projects/:projectId/matrix': { rule: 'read' },
  'GET /api/projects/:projectId/crosstab': {
    rule: 'read',
    build: () => ({ query: { attribute: 'country' } }),
  },
  'GET /api/projects/:projectId/cooccurrence': { rule: 'read' },
  'GET /api/projects/:projectId/excerpts': { rule: 'read' },
  'GET /api/projects/:projectId/search': { rule: 'read', build: () => ({ query: { q: 'peer' } }) },
  'GET /api/projects/:projectId/exports/excerpts.:format': { rule: 'read', build: download('csv') },
  'GET /api/projects/:projectId/exports/matrix.:format': { rule: 'read', build: download('csv') },
  'GET /api/projects/:projectId/exports/presence.:format': { rule: 'read', build: download('csv') },
  'GET /api/projects/:projectId/exports/codebook.:format': { rule: 'read', build: download('csv') },
  'GET /api/projects/:projectId/exports/memos.:format': { rule: 'read', build: download('md') },
  'GET /api/projects/:projectId/exports/project.qdpx': { rule: 'read' },
  'GET /api/projects/:projectId/exports/codebook.qdc': { rule: 'read' },
};

const SUPERVISION: Record<string, Row> = {
  'GET /api/projects/:projectId/assignments': { rule: 'read' },
  'POST /api/projects/:projectId/assignments': {
    rule: 'superviseCoding',
    build: ({ w }) => ({
      body: { studyIds: [w.studyId], userIds: [w.people.coder2.user.id] },
    }),
  },
  'DELETE /api/studies/:studyId/assignments/:userId': {
    rule: 'superviseCoding',
    build: async ({ w }) => ({ params: await freshAssignment(w) }),
  },
  // The second coder's assignment: marking one's own done takes only `code`.
  'PUT /api/studies/:studyId/assignments/:userId/done': {
    rule: 'superviseCoding',
    build: ({ w }) => ({
      params: { studyId: w.studyId, userId: w.people.coder2.user.id },
      body: { done: false },
    }),
  },
  'GET /api/projects/:projectId/agreement': { rule: 'superviseCoding', build: compare },
  'GET /api/projects/:projectId/agreement/grid': { rule: 'superviseCoding', build: compare },
  'GET /api/documents/:documentId/disagreements': {
    rule: 'superviseCoding',
    build: (ctx) => ({ ...ofDocument(ctx), ...compare(ctx) }),
  },
  'POST /api/documents/:documentId/resolutions': {
    rule: 'superviseCoding',
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
    rule: 'superviseCoding',
    build: ({ w }) => ({ params: { documentId: w.documentId }, body: { coders: coderIds(w) } }),
  },
  'POST /api/documents/:documentId/comments': {
    rule: 'superviseCoding',
    build: ({ w }) => ({
      params: { documentId: w.documentId },
      body: { codeId: w.codeId, start: 0, end: 4, body: 'Is this role clarity?' },
    }),
  },
  'PUT /api/studies/:studyId/reconciliation': {
    rule: 'superviseCoding',
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

/** Every route of the API, one row each; the matrix fails on a route missing here and on a stale row. */
export const ROUTES = table(SESSION, PROJECTS, STUDIES, CODING, ANALYSIS, SUPERVISION);
