import type { Db, ProjectWithRole, Repositories } from '@kodbok/db';
import { inTransaction } from '@kodbok/db';
import type { Member, Project, Role, UpdateProjectBody } from '@kodbok/contracts';
import { BadRequestError, ForbiddenError, NotFoundError } from '../errors';
import { authorize } from './access';
import { describeChanges } from './activity.service';
import type { CurrentUser } from './types';

export const toProject = (p: ProjectWithRole): Project => ({
  id: p.id,
  name: p.name,
  role: p.role,
  coderCanEditCodebook: p.coderCanEditCodebook,
  independentCoding: p.independentCoding,
  studyCount: p.studyCount,
  createdAt: p.createdAt,
});

/** The settings the activity log tells about, in its words. */
const PROJECT_SETTINGS = {
  name: 'name',
  coderCanEditCodebook: 'coders may change the codebook',
  independentCoding: 'independent coding',
} as const;

export function createProjectService(db: Db, repos: Repositories) {
  function get(user: CurrentUser, projectId: string): Project {
    const p = repos.projects.findForUser(projectId, user.id);
    if (!p) throw new NotFoundError('Project');
    return toProject(p);
  }
  /** Keeps at least one owner, so a project can always be managed. */
  function ensureOwnerRemains(projectId: string, userId: string, newRole: Role | null) {
    const current = repos.members.find(projectId, userId);
    if (
      current?.role === 'owner' &&
      newRole !== 'owner' &&
      repos.members.countOwners(projectId) <= 1
    ) {
      throw new BadRequestError(
        'A project needs at least one owner: make someone else owner first',
      );
    }
  }
  return {
    list: (user: CurrentUser): Project[] => repos.projects.listForUser(user.id).map(toProject),
    get,
    create(user: CurrentUser, name: string): Project {
      return inTransaction(db, () => {
        const p = repos.projects.insert(name.trim());
        repos.members.upsert(p.id, user.id, 'owner');
        repos.activity.record({
          projectId: p.id,
          actorId: user.id,
          action: 'project.created',
          subject: p.name,
        });
        return get(user, p.id);
      });
    },
    update(user: CurrentUser, projectId: string, patch: UpdateProjectBody): Project {
      // Supervisors organise double coding, so they may switch independent coding on and off.
      const { independentCoding, ...rest } = patch;
      if (Object.keys(rest).length > 0 || independentCoding === undefined)
        authorize(repos, user, projectId, 'manageProject');
      else authorize(repos, user, projectId, 'superviseCoding');
      const clean = { ...patch, ...(patch.name ? { name: patch.name.trim() } : {}) };
      inTransaction(db, () => {
        const before = repos.projects.findForUser(projectId, user.id)!;
        repos.projects.update(projectId, clean);
        const detail = describeChanges(before, clean, PROJECT_SETTINGS);
        if (detail) {
          const subject = clean.name ?? before.name;
          const entry = { projectId, actorId: user.id, subject, detail };
          repos.activity.record({ ...entry, action: 'project.updated' });
        }
      });
      return get(user, projectId);
    },
    remove(user: CurrentUser, projectId: string): void {
      authorize(repos, user, projectId, 'manageProject');
      inTransaction(db, () => deleteProjectAndItsCoders(repos, projectId));
    },
    members(user: CurrentUser, projectId: string): Member[] {
      authorize(repos, user, projectId, 'read');
      return repos.members.list(projectId);
    },
    updateMember(user: CurrentUser, projectId: string, userId: string, role: Role): Member {
      const myRole = authorize(repos, user, projectId, 'manageMembers');
      const target = repos.members.find(projectId, userId);
      if (!target) throw new NotFoundError('Member');
      if ((role === 'owner' || target.role === 'owner') && myRole !== 'owner') {
        throw new ForbiddenError('Only owners make or unmake owners');
      }
      return inTransaction(db, () => {
        ensureOwnerRemains(projectId, userId, role);
        repos.members.upsert(projectId, userId, role);
        if (role !== target.role)
          repos.activity.record({
            projectId,
            actorId: user.id,
            action: 'member.updated',
            subject: target.email,
            detail: `role ${target.role} → ${role}`,
          });
        return repos.members.find(projectId, userId)!;
      });
    },
    removeMember(user: CurrentUser, projectId: string, userId: string): void {
      const myRole = authorize(repos, user, projectId, 'manageMembers');
      const target = repos.members.find(projectId, userId);
      if (!target) throw new NotFoundError('Member');
      if (target.role === 'owner' && myRole !== 'owner')
        throw new ForbiddenError('Only owners remove owners');
      inTransaction(db, () => {
        ensureOwnerRemains(projectId, userId, null);
        repos.members.delete(projectId, userId);
        repos.activity.record({
          projectId,
          actorId: user.id,
          action: 'member.removed',
          subject: target.email,
          detail: `was ${target.role}`,
        });
      });
    },
  };
}

/**
 * Deletes a project (its studies, codebook and coding go by cascade) and the accounts made for its
 * coding only: a REFI-QDA file's coders and the demo's cannot sign in and belong to no other
 * project, so they go with it, names and all. Runs in the caller's transaction.
 */
export function deleteProjectAndItsCoders(repos: Repositories, projectId: string): void {
  // Read before the project's memberships go with it; deleted once their coding has.
  const coders = repos.users.onlyCodersOf(projectId);
  repos.projects.delete(projectId);
  repos.users.deleteUnreferenced(coders);
}
