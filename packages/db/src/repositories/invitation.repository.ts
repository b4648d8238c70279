import { and, asc, desc, eq, type SQL } from 'drizzle-orm';
import type { Db } from '../connection';
import { newId, now } from '../ids';
import { invitations, projects, users } from '../schema';
import type { Role } from './project.repository';

/** An invitation with the names its readers need: the project's and the inviter's. */
export interface InvitationView {
  id: string;
  projectId: string;
  projectName: string;
  email: string;
  role: Role;
  invitedByName: string;
  createdAt: string;
}

export function createInvitationRepository(db: Db) {
  const select = (where: SQL | undefined) =>
    db
      .select({
        id: invitations.id,
        projectId: invitations.projectId,
        projectName: projects.name,
        email: invitations.email,
        role: invitations.role,
        invitedByName: users.name,
        createdAt: invitations.createdAt,
      })
      .from(invitations)
      .innerJoin(projects, eq(projects.id, invitations.projectId))
      .innerJoin(users, eq(users.id, invitations.invitedBy))
      .where(where);
  return {
    /** A project's pending invitations, by e-mail. */
    listForProject(projectId: string): InvitationView[] {
      return select(eq(invitations.projectId, projectId)).orderBy(asc(invitations.email)).all();
    },
    /** The invitations addressed to an e-mail, newest first. */
    listForEmail(email: string): InvitationView[] {
      return select(eq(invitations.email, email.toLowerCase()))
        .orderBy(desc(invitations.createdAt))
        .all();
    },
    /** The invitation if it belongs to the project (ids of other projects are not found). */
    findInProject(projectId: string, id: string): InvitationView | undefined {
      return select(and(eq(invitations.id, id), eq(invitations.projectId, projectId))).get();
    },
    /** The invitation if it is addressed to `email` (no one else may see or answer it). */
    findForEmail(id: string, email: string): InvitationView | undefined {
      return select(and(eq(invitations.id, id), eq(invitations.email, email.toLowerCase()))).get();
    },
    findByEmail(projectId: string, email: string): InvitationView | undefined {
      return select(
        and(eq(invitations.projectId, projectId), eq(invitations.email, email.toLowerCase())),
      ).get();
    },
    /** Invites `email`, or re-invites it with the new role: one invitation per project and e-mail. */
    upsert(input: { projectId: string; email: string; role: Role; invitedBy: string }): string {
      const email = input.email.toLowerCase();
      const values = { ...input, email, id: newId(), createdAt: now() };
      return db
        .insert(invitations)
        .values(values)
        .onConflictDoUpdate({
          target: [invitations.projectId, invitations.email],
          set: { role: values.role, invitedBy: values.invitedBy, createdAt: values.createdAt },
        })
        .returning({ id: invitations.id })
        .get().id;
    },
    delete(id: string): void {
      db.delete(invitations).where(eq(invitations.id, id)).run();
    },
  };
}
export type InvitationRepository = ReturnType<typeof createInvitationRepository>;
