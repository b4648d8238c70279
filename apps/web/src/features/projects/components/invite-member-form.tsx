import { useId, useState, type FormEvent } from 'react';
import type { Project, Role } from '@kodbok/contracts';
import { FormError } from '../../../components/form-error';
import { fieldValue } from '../../../components/form-values';
import { TextField } from '../../../components/text-field';
import { useToast } from '../../../components/toast';
import { useInviteMember } from '../api/invite-member';
import { assignableRoles } from '../utils/roles';

/**
 * Invites someone by e-mail. They join only once they accept, signed in with that e-mail; the
 * answer never says whether an account exists (decision 016), so neither does this form.
 */
export function InviteMemberForm({ project }: { project: Project }) {
  const invite = useInviteMember(project.id);
  const notify = useToast();
  const roleId = useId();
  const [problem, setProblem] = useState<string | null>(null);

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const email = fieldValue(form, 'email');
    const role = fieldValue(form, 'role') as Role;
    setProblem(email ? null : 'Enter the e-mail of the person to invite.');
    if (!email) return;
    invite.mutate(
      { email, role },
      {
        onSuccess: (invitation) => {
          notify({
            message: `Invitation sent to ${invitation.email} as ${invitation.role}. They join once they accept.`,
          });
          form.reset();
        },
      },
    );
  }

  return (
    <section className="section" aria-labelledby="invite-member-heading">
      <h3 id="invite-member-heading">Invite member</h3>
      <p className="muted">
        The person sees the invitation on their Projects page when signed in with this e-mail, and
        joins once they accept. Without an account yet, ask the instance owner to create one.
      </p>
      <form className="form-inline" onSubmit={submit} noValidate>
        <TextField label="Email to invite" name="email" type="email" autoComplete="off" required />
        <div className="field">
          <label htmlFor={roleId}>Role</label>
          <select id={roleId} name="role" defaultValue="coder">
            {assignableRoles(project.role).map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button-primary" disabled={invite.isPending}>
          Send invitation
        </button>
      </form>
      <FormError error={problem ?? invite.error} />
    </section>
  );
}
