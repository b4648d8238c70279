import type { Project, Role } from '@kodbok/contracts';

/**
 * What a member may do in a project, as the server decides it (apps/api/src/services/access.ts,
 * `allowed()`, whose cases this mirrors one for one). The web app asks here instead of restating
 * the role rule, so it offers only what will not be refused with a 403; the server still checks
 * every request.
 */
export type Action =
  | 'read'
  | 'code'
  | 'editCodebook'
  | 'manageStudies'
  | 'manageMembers'
  | 'editOthersHighlights'
  | 'superviseCoding'
  | 'manageProject';

/**
 * Whether `role` may take `action` in `project` (its `coderCanEditCodebook` setting matters for
 * the codebook). No role yet (the project still loading) may do nothing.
 */
export function can(
  role: Role | undefined,
  action: Action,
  project?: Pick<Project, 'coderCanEditCodebook'>,
): boolean {
  if (!role) return false;
  switch (action) {
    case 'read':
      return true;
    case 'code':
      return role !== 'viewer';
    case 'editCodebook':
      return (
        role === 'owner' ||
        role === 'supervisor' ||
        (role === 'coder' && project?.coderCanEditCodebook === true)
      );
    case 'manageStudies':
    case 'manageMembers':
    case 'editOthersHighlights':
    case 'superviseCoding':
      return role === 'owner' || role === 'supervisor';
    case 'manageProject':
      return role === 'owner';
  }
}
