import { useState, type FormEvent } from 'react';
import type { CreatedToken } from '@kodbok/contracts';
import { FormError } from '../../../components/form-error';
import { fieldValue } from '../../../components/form-values';
import { TextField } from '../../../components/text-field';
import { useCreateToken } from '../api/create-token';
import { TokenSecret } from './token-secret';
import { TokensTable } from './tokens-table';

/** Personal API tokens: create one (its secret is shown once), list and revoke. */
export function TokensSection() {
  const create = useCreateToken();
  const [problem, setProblem] = useState<string | null>(null);
  const [created, setCreated] = useState<CreatedToken | null>(null);

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const name = fieldValue(form, 'name');
    setProblem(name ? null : 'Give the token a name, e.g. "analysis script".');
    if (!name) return;
    create.mutate(
      { name },
      {
        onSuccess: (token) => {
          setCreated(token);
          form.reset();
        },
      },
    );
  }

  return (
    <section className="section" aria-labelledby="tokens-heading">
      <h2 id="tokens-heading">Personal API tokens</h2>
      <p className="muted">
        Scripts use a token to call the API as you. Revoke a token you no longer use.
      </p>
      <form className="form-inline" onSubmit={submit} noValidate>
        <TextField label="Token name" name="name" maxLength={100} required />
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          Create token
        </button>
      </form>
      <FormError error={problem ?? create.error} />
      {created && <TokenSecret token={created} onDismiss={() => setCreated(null)} />}
      <TokensTable />
    </section>
  );
}
