import { distributeStudies } from '@kodbok/core';
import type { Db, Repositories } from '@kodbok/db';
import { inTransaction } from '@kodbok/db';
import { allowed, type AssignBody, type Assignment, type Assignments } from '@kodbok/contracts';
import { BadRequestError, NotFoundError } from '../errors';
import { authorize, authorizeIn } from './access';
import type { CurrentUser } from './types';

/**
 * Who codes which study, and how far they have got. Owners and supervisors assign and see
 * everyone's progress; a coder sees their own queue and marks their studies done.
 */
export function createAssignmentService(db: Db, repos: Repositories) {
  /** The study's project, once the caller is known to be a member (else "Study not found"). */
  function studyInProject(user: CurrentUser, studyId: string): string {
    const projectId = repos.studies.projectOf(studyId);
    authorizeIn(repos, user, projectId, 'Study', 'read');
    return projectId!;
  }
  return {
    list(user: CurrentUser, projectId: string): Assignments {
      const role = authorize(repos, user, projectId, 'read');
      const everyone = allowed(role, 'superviseCoding', false);
      const rows = repos.assignments.list(projectId, everyone ? null : user.id);
      // Members who can code are listed even before they have work; viewers never.
      const coders = repos.members
        .list(projectId)
        .filter((m) => m.role !== 'viewer' && (everyone || m.userId === user.id));
      return {
        assignments: rows,
        coders: coders.map((m) => {
          const own = rows.filter((r) => r.userId === m.userId);
          return {
            userId: m.userId,
            name: m.name,
            assigned: own.length,
            done: own.filter((r) => r.doneAt !== null).length,
            started: own.filter((r) => r.highlights > 0).length,
          };
        }),
      };
    },
    assign(user: CurrentUser, projectId: string, input: AssignBody) {
      authorize(repos, user, projectId, 'superviseCoding');
      const members = new Map(repos.members.list(projectId).map((m) => [m.userId, m]));
      for (const id of input.userIds) {
        const m = members.get(id);
        if (!m) throw new BadRequestError(`userIds: "${id}" is not a member of this project`);
        if (m.role === 'viewer')
          throw new BadRequestError(`userIds: ${m.name} is a viewer, who cannot code`);
      }
      const [foreign] = repos.analysis.foreignStudies(projectId, input.studyIds);
      if (foreign)
        throw new BadRequestError(`studyIds: "${foreign}" is not a study of this project`);
      const pairs = distributeStudies(input.studyIds, input.userIds, input.codersPerStudy);
      const created = inTransaction(db, () => repos.assignments.insertMany(projectId, pairs));
      return { created, existing: pairs.length - created };
    },
    remove(user: CurrentUser, studyId: string, userId: string): void {
      const projectId = studyInProject(user, studyId);
      authorize(repos, user, projectId, 'superviseCoding');
      if (!repos.assignments.delete(studyId, userId)) throw new NotFoundError('Assignment');
    },
    /** The coder marks their study done (or reopens it); owners and supervisors may for them. */
    setDone(user: CurrentUser, studyId: string, userId: string, done: boolean): Assignment {
      const projectId = studyInProject(user, studyId);
      authorize(repos, user, projectId, userId === user.id ? 'code' : 'superviseCoding');
      if (!repos.assignments.find(studyId, userId)) throw new NotFoundError('Assignment');
      repos.assignments.setDone(studyId, userId, done);
      return repos.assignments.find(studyId, userId)!;
    },
  };
}
