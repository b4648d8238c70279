import { useState, type FormEvent } from 'react';
import { FormError } from '../../../components/form-error';
import { fieldValue } from '../../../components/form-values';
import { TextField } from '../../../components/text-field';
import { useCreateSession } from '../api/create-session';

/** E-mail and password; the server's 401 and 429 messages are shown as they come. */
export function SignInForm({ onDone }: { onDone: () => void }) {
  const signIn = useCreateSession();
  const [problem, setProblem] = useState<string | null>(null);

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const email = fieldValue(e.currentTarget, 'email');
    const password = fieldValue(e.currentTarget, 'password', { trim: false });
    const found = !email || !password ? 'Enter your e-mail and password.' : null;
    setProblem(found);
    if (!found) signIn.mutate({ email, password }, { onSuccess: onDone });
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      <TextField label="Email" name="email" type="email" autoComplete="username" required />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
      />
      <FormError error={problem ?? signIn.error} />
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={signIn.isPending}>
          Sign in
        </button>
      </div>
    </form>
  );
}
