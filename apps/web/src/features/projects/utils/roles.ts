import { ROLES, type Role } from '@kodbok/contracts';

/** Owners and supervisors manage members; coders and viewers only see them. */
export function canManageMembers(role: Role): boolean {
  return role === 'owner' || role === 'supervisor';
}

/** The roles a member with `role` may give (and take away): supervisors cannot make owners. */
export function assignableRoles(role: Role): readonly Role[] {
  if (role === 'owner') return ROLES;
  if (role === 'supervisor') return ROLES.filter((r) => r !== 'owner');
  return [];
}

/** Owners and supervisors organise the coding: independent coding, assignments, the consensus. */
export function canSuperviseCoding(role: Role): boolean {
  return role === 'owner' || role === 'supervisor';
}
