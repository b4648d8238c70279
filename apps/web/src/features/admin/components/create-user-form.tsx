import { useState, type FormEvent } from 'react';
import { FormError } from '../../../components/form-error';
import { fieldValue, MIN_PASSWORD_LENGTH } from '../../../components/form-values';
import { TextField } from '../../../components/text-field';
import { useToast } from '../../../components/toast';
import { useCreateUser } from '../api/create-user';

/** The instance owner creates an account and passes the password on to its holder. */
export function CreateUserForm() {
  const create = useCreateUser();
  const notify = useToast();
  const [problem, setProblem] = useState<string | null>(null);

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const email = fieldValue(form, 'email');
    const name = fieldValue(form, 'name');
    const password = fieldValue(form, 'password', { trim: false });
    const found =
      !email || !name
        ? 'Fill in the e-mail and name.'
        : password.length < MIN_PASSWORD_LENGTH
          ? `The password must be at least ${MIN_PASSWORD_LENGTH} characters.`
          : null;
    setProblem(found);
    if (found) return;
    create.mutate(
      { email, name, password },
      {
        onSuccess: (user) => {
          notify({ message: `Account created for ${user.name}.` });
          form.reset();
        },
      },
    );
  }

  return (
    <section className="section page-narrow-section" aria-labelledby="create-user-heading">
      <h2 id="create-user-heading">Create an account</h2>
      <form className="form" onSubmit={submit} noValidate>
        <TextField label="Email" name="email" type="email" autoComplete="off" required />
        <TextField label="Name" name="name" autoComplete="off" required />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          hint={`At least ${MIN_PASSWORD_LENGTH} characters. Give it to the person; they can change it under Account.`}
          required
        />
        <FormError error={problem ?? create.error} />
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={create.isPending}>
            Create account
          </button>
        </div>
      </form>
    </section>
  );
}
