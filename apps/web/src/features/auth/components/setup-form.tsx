import { useState, type FormEvent } from 'react';
import { FormError } from '../../../components/form-error';
import { fieldValue, MIN_PASSWORD_LENGTH, passwordProblem } from '../../../components/form-values';
import { TextField } from '../../../components/text-field';
import { useCreateSetup } from '../api/create-setup';

/** First run: creates the instance owner's account. */
export function SetupForm({ onDone }: { onDone: () => void }) {
  const setup = useCreateSetup();
  const [problem, setProblem] = useState<string | null>(null);

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const password = fieldValue(form, 'password', { trim: false });
    const email = fieldValue(form, 'email');
    const name = fieldValue(form, 'name');
    const found =
      !email || !name
        ? 'Fill in your e-mail and name.'
        : passwordProblem(password, fieldValue(form, 'confirm', { trim: false }));
    setProblem(found);
    if (found) return;
    setup.mutate({ email, name, password }, { onSuccess: onDone });
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      <TextField label="Email" name="email" type="email" autoComplete="email" required />
      <TextField label="Name" name="name" autoComplete="name" required />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
        required
      />
      <TextField
        label="Confirm password"
        name="confirm"
        type="password"
        autoComplete="new-password"
        required
      />
      <FormError error={problem ?? setup.error} />
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={setup.isPending}>
          Create owner account
        </button>
      </div>
    </form>
  );
}
