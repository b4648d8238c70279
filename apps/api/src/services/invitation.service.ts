import type { Db, InvitationView, NewActivity, Repositories } from '@kodbok/db';
import { inTransaction } from '@kodbok/db';
import type { Invitation, InviteBody, Project } from '@kodbok/contracts';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors';
import { authorize } from './access';
import { toProject } from './project.service';
import type { CurrentUser } from './types';

const toInvitation = (v: InvitationView): Invitation => ({
  id: v.id,
  projectId: v.projectId,
  projectName: v.projectName,
  email: v.email,
  role: v.role,
  status: 'pending',
  invitedByName: v.invitedByName,
  createdAt: v.createdAt,
});

/**
 * Joining a project takes an invitation and the invitee's consent. Managers invite an e-mail and
 * get the same answer whether or not an account has it: accounts cannot be probed (decision 016).
 * The invitee is whoever signs in with that e-mail, now or once the instance owner creates the
 * account; only they see, accept or decline it.
 */
export function createInvitationService(db: Db, repos: Repositories) {
  /** The activity log entry for `invitation`; call inside the change's transaction. */
  const log = (
    user: CurrentUser,
    invitation: InvitationView,
    action: Extract<NewActivity['action'], `invitation.${string}`>,
    detail: string,
  ) =>
    repos.activity.record({
      projectId: invitation.projectId,
      actorId: user.id,
      action,
      subject: invitation.email,
      detail,
    });
  return {
    list(user: CurrentUser, projectId: string): Invitation[] {
      authorize(repos, user, projectId, 'manageMembers');
      return repos.invitations.listForProject(projectId).map(toInvitation);
    },
    invite(user: CurrentUser, projectId: string, input: InviteBody): Invitation {
      const myRole = authorize(repos, user, projectId, 'manageMembers');
      return inTransaction(db, () => {
        // Managers see the member list anyway, so saying so reveals nothing about accounts.
        if (repos.members.findByEmail(projectId, input.email))
          throw new ConflictError(
            `${input.email} is already a member: change their role in the member list`,
          );
        const pending = repos.invitations.findByEmail(projectId, input.email);
        if ((input.role === 'owner' || pending?.role === 'owner') && myRole !== 'owner')
          throw new ForbiddenError('Only owners invite owners');
        const id = repos.invitations.upsert({ projectId, ...input, invitedBy: user.id });
        const invitation = repos.invitations.findInProject(projectId, id)!;
        log(user, invitation, 'invitation.sent', `as ${invitation.role}`);
        return toInvitation(invitation);
      });
    },
    withdraw(user: CurrentUser, projectId: string, invitationId: string): void {
      const myRole = authorize(repos, user, projectId, 'manageMembers');
      const invitation = repos.invitations.findInProject(projectId, invitationId);
      if (!invitation) throw new NotFoundError('Invitation');
      if (invitation.role === 'owner' && myRole !== 'owner')
        throw new ForbiddenError('Only owners withdraw an invitation to become owner');
      inTransaction(db, () => {
        repos.invitations.delete(invitationId);
        log(user, invitation, 'invitation.withdrawn', `was ${invitation.role}`);
      });
    },
    /** The caller's own pending invitations, newest first. */
    mine: (user: CurrentUser): Invitation[] =>
      repos.invitations.listForEmail(user.email).map(toInvitation),
    /** Makes the caller a member with the invited role; someone else's invitation is not found. */
    accept(user: CurrentUser, invitationId: string): Project {
      return inTransaction(db, () => {
        const invitation = repos.invitations.findForEmail(invitationId, user.email);
        if (!invitation) throw new NotFoundError('Invitation');
        // Accepting never changes an existing membership: a supervisor's invitation, accepted
        // late, must not demote an owner.
        if (!repos.members.find(invitation.projectId, user.id)) {
          repos.members.upsert(invitation.projectId, user.id, invitation.role);
          log(user, invitation, 'invitation.accepted', `joined as ${invitation.role}`);
        }
        repos.invitations.delete(invitation.id);
        return toProject(repos.projects.findForUser(invitation.projectId, user.id)!);
      });
    },
    decline(user: CurrentUser, invitationId: string): void {
      const invitation = repos.invitations.findForEmail(invitationId, user.email);
      if (!invitation) throw new NotFoundError('Invitation');
      inTransaction(db, () => {
        repos.invitations.delete(invitation.id);
        log(user, invitation, 'invitation.declined', `was ${invitation.role}`);
      });
    },
  };
}
