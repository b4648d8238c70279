import type { Role } from './projects';

/**
 * What a member may do in a project: the one role rule, used by the server's services to
 * authorise every request and by the web app to offer only what will not be refused.
 */
export type Action =
  | 'read'
  | 'code'
  | 'editCodebook'
  | 'manageStudies'
  | 'manageMembers'
  | 'editOthersHighlights'
  | 'superviseCoding'
  | 'manageProject'
  | 'viewActivity';

const MANAGERS: readonly Role[] = ['owner', 'supervisor'];

/** The roles allowed each action; `editCodebook` also admits coders when the project says so. */
export const POLICY: Record<Action, readonly Role[]> = {
  read: ['owner', 'supervisor', 'coder', 'viewer'],
  code: ['owner', 'supervisor', 'coder'],
  editCodebook: MANAGERS,
  manageStudies: MANAGERS,
  manageMembers: MANAGERS,
  editOthersHighlights: MANAGERS,
  superviseCoding: MANAGERS,
  manageProject: ['owner'],
  viewActivity: ['owner'],
};

/** Whether `role` may take `action`, given the project's `coderCanEditCodebook` setting. */
export function allowed(role: Role, action: Action, coderCanEditCodebook: boolean): boolean {
  if (action === 'editCodebook' && role === 'coder') return coderCanEditCodebook;
  return POLICY[action].includes(role);
}
