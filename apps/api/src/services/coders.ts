import { parseIdList } from '@kodbok/core';
import type { Membership, Repositories } from '@kodbok/db';
import { CONSENSUS_CODER_ID } from '@kodbok/contracts';
import { BadRequestError, ForbiddenError } from '../errors';
import type { CurrentUser } from './types';

/**
 * Whose coding a member may read: null for everyone's. With independent (blind) coding on, a
 * coder reads only their own and a viewer only the consensus; owners and supervisors read all.
 * Every service that returns highlights or counts of them narrows its read through this.
 */
export function readableCoders(m: Membership, userId: string): string[] | null {
  if (!m.independentCoding || m.role === 'owner' || m.role === 'supervisor') return null;
  return m.role === 'coder' ? [userId] : [CONSENSUS_CODER_ID];
}

export const BLIND_CODING =
  "this project's coders work independently: you can see only your own coding";

/**
 * The `coders` parameter ("all", "me", or ids with "consensus" among them) as the coder ids a read
 * covers, null for all coders. Ids must be members (or the consensus); with blind coding, asking
 * for anyone's coding but one's own is refused rather than silently emptied.
 */
export function resolveCoders(
  repos: Repositories,
  user: CurrentUser,
  projectId: string,
  param: string | undefined,
): string[] | null {
  const m = repos.projects.membership(projectId, user.id);
  const readable = m ? readableCoders(m, user.id) : [];
  if (param === undefined || param === 'all') return readable;
  const ids = parseIdList(param).map((id) => (id === 'me' ? user.id : id));
  if (ids.length === 0) throw new BadRequestError('coders must list at least one id');
  for (const id of ids) {
    if (id !== CONSENSUS_CODER_ID && !repos.projects.membership(projectId, id)) {
      throw new BadRequestError(`coders: "${id}" is not a member of this project`);
    }
    if (readable && !readable.includes(id)) throw new ForbiddenError(`coders: ${BLIND_CODING}`);
  }
  return ids;
}
