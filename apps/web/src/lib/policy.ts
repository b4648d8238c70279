import { allowed, type Action, type Project, type Role } from '@kodbok/contracts';

export type { Action };

/**
 * Whether `role` may take `action` in `project` (its `coderCanEditCodebook` matters for the
 * codebook), by the policy the server applies (contracts/policy.ts). No role yet (the project
 * still loading) may do nothing.
 */
export function can(
  role: Role | undefined,
  action: Action,
  project?: Pick<Project, 'coderCanEditCodebook'>,
): boolean {
  return role ? allowed(role, action, project?.coderCanEditCodebook === true) : false;
}
