import type { Invitation } from '@kodbok/contracts';
import '../projects.css';
import { FormError } from '../../../components/form-error';
import { useToast } from '../../../components/toast';
import { errorText } from '../../../components/error-text';
import { useMyInvitations } from '../api/get-my-invitations';
import { useAcceptInvitation } from '../api/accept-invitation';
import { useDeclineInvitation } from '../api/decline-invitation';

/** The signed-in user's invitations to projects, to accept or decline; nothing when there are none. */
export function MyInvitations() {
  const invitations = useMyInvitations();
  // Held here, not per item: an answered item unmounts once the list refreshes, and its toast
  // must still show.
  const accept = useAcceptInvitation();
  const decline = useDeclineInvitation();
  const notify = useToast();
  const onError = (error: Error) => notify({ message: errorText(error), kind: 'error' });
  const busy = (id: string) =>
    (accept.isPending && accept.variables === id) ||
    (decline.isPending && decline.variables === id);

  if (invitations.error) return <FormError error={invitations.error} />;
  if (!invitations.data?.length) return null;
  return (
    <section className="section" aria-labelledby="my-invitations-heading">
      <h2 id="my-invitations-heading">Invitations</h2>
      <ul className="invitation-list" aria-label="Invitations to projects">
        {invitations.data.map((invitation) => (
          <InvitationItem
            key={invitation.id}
            invitation={invitation}
            busy={busy(invitation.id)}
            onAccept={() =>
              accept.mutate(invitation.id, {
                onSuccess: (project) =>
                  notify({ message: `You joined “${project.name}” as ${project.role}.` }),
                onError,
              })
            }
            onDecline={() =>
              decline.mutate(invitation.id, {
                onSuccess: () =>
                  notify({ message: `Invitation to “${invitation.projectName}” declined.` }),
                onError,
              })
            }
          />
        ))}
      </ul>
    </section>
  );
}

function InvitationItem({
  invitation,
  busy,
  onAccept,
  onDecline,
}: {
  invitation: Invitation;
  busy: boolean;
  onAccept: () => void;
  onDecline: () => void;
}) {
  const name = invitation.projectName;
  return (
    <li>
      <span className="grow">
        <strong>{name}</strong>{' '}
        <span className="muted">
          {invitation.invitedByName} invited you as {invitation.role}
        </span>
      </span>
      <span className="actions">
        <button
          type="button"
          className="button button-small button-primary"
          disabled={busy}
          onClick={onAccept}
        >
          Accept<span className="visually-hidden"> invitation to {name}</span>
        </button>
        <button type="button" className="button button-small" disabled={busy} onClick={onDecline}>
          Decline<span className="visually-hidden"> invitation to {name}</span>
        </button>
      </span>
    </li>
  );
}
