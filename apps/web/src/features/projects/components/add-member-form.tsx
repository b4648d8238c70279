import { useId, useState, type FormEvent } from 'react';
import type { Project, Role } from '@kodbok/contracts';
import { FormError } from '../../../components/form-error';
import { fieldValue } from '../../../components/form-values';
import { TextField } from '../../../components/text-field';
import { useToast } from '../../../components/toast';
import { useAddMember } from '../api/add-member';
import { assignableRoles } from '../utils/roles';

/** Adds an existing account by e-mail (the instance owner creates accounts). */
export function AddMemberForm({ project }: { project: Project }) {
  const add = useAddMember(project.id);
  const notify = useToast();
  const roleId = useId();
  const [problem, setProblem] = useState<string | null>(null);

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const email = fieldValue(form, 'email');
    const role = fieldValue(form, 'role') as Role;
    setProblem(email ? null : 'Enter the e-mail of the account to add.');
    if (!email) return;
    add.mutate(
      { email, role },
      {
        onSuccess: (member) => {
          notify({ message: `${member.name} added as ${member.role}.` });
          form.reset();
        },
      },
    );
  }

  return (
    <section className="section" aria-labelledby="add-member-heading">
      <h3 id="add-member-heading">Add member</h3>
      <form className="form-inline" onSubmit={submit} noValidate>
        <TextField label="Member email" name="email" type="email" autoComplete="off" required />
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
        <button type="submit" className="button button-primary" disabled={add.isPending}>
          Add member
        </button>
      </form>
      <FormError error={problem ?? add.error} />
    </section>
  );
}
