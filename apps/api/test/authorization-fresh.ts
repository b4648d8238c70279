import type { Role } from '@kodbok/contracts';
import { createCode, uniqueEmail } from './helper';
import {
  createProject,
  must,
  personOf,
  roleOf,
  TEXT,
  unique,
  type CallerName,
  type People,
  type Person,
  type World,
} from './authorization-world';

/*
 * Fresh objects of project A, made by its owner for one request that deletes, merges or
 * withdraws, so no caller's request depends on what an earlier one did.
 */

const base = (w: World) => `/api/projects/${w.projectId}`;

export async function freshStudy(w: World): Promise<string> {
  const body = { title: unique('Study'), text: TEXT };
  return must(await w.people.owner.request('POST', `${base(w)}/studies`, body), 201, 'study').id;
}

export async function freshCode(w: World): Promise<string> {
  return (await createCode(w.people.owner, w.projectId, unique('Code'))).id;
}

/** A highlight of the second coder: someone else's for every caller. */
export async function freshHighlight(w: World): Promise<string> {
  const quote = 'Supervision';
  const start = TEXT.indexOf(quote);
  const body = { start, end: start + quote.length, quote, codeIds: [w.codeId] };
  const url = `/api/documents/${w.documentId}/highlights`;
  const res = await w.people.coder2.request('POST', url, body);
  // 200: the span is coded still, since the last caller was refused; as good as new.
  return must(res, res.statusCode === 200 ? 200 : 201, 'highlight').id;
}

export async function freshInvitation(w: World): Promise<string> {
  const body = { email: uniqueEmail('invitee'), role: 'viewer' };
  const res = await w.people.owner.request('POST', `${base(w)}/invitations`, body);
  return must(res, 201, 'invite').id;
}

export async function freshAttribute(w: World): Promise<string> {
  const name = unique('attribute');
  const res = await w.people.owner.request(
    'PUT',
    `${base(w)}/attributes/${encodeURIComponent(name)}`,
    { type: 'text' },
  );
  must(res, 200, 'attribute');
  return name;
}

/** The second coder's assignment to a study of its own. */
export async function freshAssignment(w: World) {
  const studyId = await freshStudy(w);
  const body = { studyIds: [studyId], userIds: [w.people.coder2.user.id] };
  must(await w.people.owner.request('POST', `${base(w)}/assignments`, body), 201, 'assign');
  return { studyId, userId: w.people.coder2.user.id };
}

/** The spare account as a viewer of project A (again, if a caller removed it). */
export async function spareMember(w: World): Promise<string> {
  const { owner, spare } = w.people;
  const body = { email: spare.user.email, role: 'viewer' };
  const invited = await owner.request('POST', `${base(w)}/invitations`, body);
  // 409: a member already, since no caller removed it yet.
  if (invited.statusCode !== 409) {
    const id = must(invited, 201, 'invite spare').id;
    must(await spare.request('POST', `/api/me/invitations/${id}/accept`), 200, 'accept');
  }
  return spare.user.id;
}

export const freshProject = (w: World) => createProject(w.people, w.settings);

async function setRole(w: World, person: Person, role: Role) {
  const url = `${base(w)}/members/${person.user.id}`;
  must(await w.people.owner.request('PATCH', url, { role }), 200, 'set role');
}

/**
 * An undo record of the caller's own deletion of a code: a record is its author's alone. A coder
 * or viewer deletes the code while lifted to supervisor for a moment, then gets their role back;
 * callers who are not members get the owner's record.
 */
export async function freshUndo(w: World, caller: CallerName): Promise<string> {
  const role = roleOf(caller);
  const maker = role ? personOf(w.people, caller)! : w.people.owner;
  const lift = role === 'coder' || role === 'viewer';
  if (lift) await setRole(w, maker, 'supervisor');
  try {
    const code = await createCode(maker, w.projectId, unique('Undone code'));
    return must(await maker.request('DELETE', `/api/codes/${code.id}`), 200, 'delete code').undoId;
  } finally {
    if (lift) await setRole(w, maker, role);
  }
}

/** An API token of `person` (the spare account's for the anonymous caller). */
export async function freshToken(people: People, person: Person | null): Promise<string> {
  const by = person ?? people.spare;
  return must(await by.request('POST', '/api/tokens', { name: unique('token') }), 201, 'token').id;
}

/** An invitation to `email` into a new project of the spare account. */
export async function invitationTo(people: People, email: string): Promise<string> {
  const { spare } = people;
  const project = must(
    await spare.request('POST', '/api/projects', { name: unique('Lobby') }),
    201,
    'project',
  );
  const body = { email, role: 'viewer' };
  const res = await spare.request('POST', `/api/projects/${project.id}/invitations`, body);
  return must(res, 201, 'invite').id;
}
