import type { Invitation, Project } from '@kodbok/contracts';
import { FormError } from '../../../components/form-error';
import { SkeletonRows } from '../../../components/skeleton';
import { useToast } from '../../../components/toast';
import { errorText } from '../../../components/error-text';
import { useInvitations } from '../api/get-invitations';
import { useWithdrawInvitation } from '../api/withdraw-invitation';
import { assignableRoles } from '../utils/roles';

/** The invitations not yet answered, for owners and supervisors, each with Withdraw. */
export function PendingInvitations({ project }: { project: Project }) {
  const invitations = useInvitations(project.id);
  // Held here, not per row: a withdrawn row unmounts once the list refreshes, and its toast must
  // still show.
  const withdraw = useWithdrawInvitation(project.id);
  const notify = useToast();
  const onWithdraw = (invitation: Invitation) =>
    withdraw.mutate(invitation.id, {
      onSuccess: () => notify({ message: `Invitation to ${invitation.email} withdrawn.` }),
      onError: (error) => notify({ message: errorText(error), kind: 'error' }),
    });
  if (invitations.isPending) return <SkeletonRows count={1} label="Loading invitations" />;
  if (invitations.error) return <FormError error={invitations.error} />;
  return (
    <section className="section" aria-labelledby="pending-invitations-heading">
      <h3 id="pending-invitations-heading">Pending invitations</h3>
      {invitations.data.length === 0 ? (
        <p className="muted">No invitations are waiting for an answer.</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">Pending invitations</caption>
          <thead>
            <tr>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Invited by</th>
              <th scope="col">Sent</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {invitations.data.map((invitation) => (
              <InvitationRow
                key={invitation.id}
                project={project}
                invitation={invitation}
                busy={withdraw.isPending && withdraw.variables === invitation.id}
                onWithdraw={() => onWithdraw(invitation)}
              />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function InvitationRow({
  project,
  invitation,
  busy,
  onWithdraw,
}: {
  project: Project;
  invitation: Invitation;
  busy: boolean;
  onWithdraw: () => void;
}) {
  // A supervisor cannot withdraw an invitation to become owner: the server would refuse.
  const mayWithdraw = assignableRoles(project.role).includes(invitation.role);
  return (
    <tr>
      <td>{invitation.email}</td>
      <td>{invitation.role}</td>
      <td>{invitation.invitedByName}</td>
      <td>{formatDate(invitation.createdAt)}</td>
      <td className="num">
        {mayWithdraw && (
          <button
            type="button"
            className="button button-small"
            disabled={busy}
            onClick={onWithdraw}
          >
            Withdraw<span className="visually-hidden"> invitation to {invitation.email}</span>
          </button>
        )}
      </td>
    </tr>
  );
}

function formatDate(iso: string): string {
  return new Date(iso).toLocaleDateString(undefined, { dateStyle: 'medium' });
}
