import type { Repositories } from '@kodbok/db';
import { allowed, type Action, type Role } from '@kodbok/contracts';
import { ForbiddenError, NotFoundError } from '../errors';
import type { CurrentUser } from './types';

/** Why each action was refused, in words a member can act on. */
const DENIED: Record<Action, string> = {
  read: 'You are not a member of this project',
  code: 'Viewers can read but not code in this project',
  editCodebook: 'Only owners and supervisors change the codebook in this project',
  manageStudies: 'Only owners and supervisors add, change or delete studies',
  manageMembers: 'Only owners and supervisors manage members',
  editOthersHighlights: "Only owners and supervisors change other coders' highlights",
  superviseCoding:
    'Only owners and supervisors assign studies, compare coders and change the consensus coding',
  manageProject: 'Only owners rename or delete a project',
  viewActivity: 'Only owners see the project’s activity log',
};

/**
 * Resolves the caller's role in a project and checks `action`. A non-member gets 404, as if the
 * project did not exist, so project ids cannot be probed.
 */
export function authorize(
  repos: Repositories,
  user: CurrentUser,
  projectId: string,
  action: Action,
): Role {
  return roleFor(repos, user, projectId, 'Project', action);
}

/** Like `authorize`, for an object inside a project: a non-member gets "<what> not found". */
export function authorizeIn(
  repos: Repositories,
  user: CurrentUser,
  projectId: string | undefined,
  what: string,
  action: Action,
): Role {
  if (!projectId) throw new NotFoundError(what);
  return roleFor(repos, user, projectId, what, action);
}

/** The user's role in the project if it allows `action`: one read of the membership. */
function roleFor(
  repos: Repositories,
  user: CurrentUser,
  projectId: string,
  what: string,
  action: Action,
): Role {
  const m = repos.projects.membership(projectId, user.id);
  if (!m) throw new NotFoundError(what);
  if (!allowed(m.role, action, m.coderCanEditCodebook)) throw new ForbiddenError(DENIED[action]);
  return m.role;
}
