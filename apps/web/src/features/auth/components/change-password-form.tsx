import { useState, type FormEvent } from 'react';
import { FormError } from '../../../components/form-error';
import { fieldValue, MIN_PASSWORD_LENGTH, passwordProblem } from '../../../components/form-values';
import { TextField } from '../../../components/text-field';
import { useChangePassword } from '../api/change-password';

export function ChangePasswordForm() {
  const change = useChangePassword();
  const [problem, setProblem] = useState<string | null>(null);

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const currentPassword = fieldValue(form, 'current', { trim: false });
    const newPassword = fieldValue(form, 'new', { trim: false });
    const found = !currentPassword
      ? 'Enter your current password.'
      : passwordProblem(newPassword, fieldValue(form, 'confirm', { trim: false }));
    setProblem(found);
    if (found) return;
    change.mutate({ currentPassword, newPassword }, { onSuccess: () => form.reset() });
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      <TextField
        label="Current password"
        name="current"
        type="password"
        autoComplete="current-password"
        required
      />
      <TextField
        label="New password"
        name="new"
        type="password"
        autoComplete="new-password"
        hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
        required
      />
      <TextField
        label="Confirm new password"
        name="confirm"
        type="password"
        autoComplete="new-password"
        required
      />
      <FormError error={problem ?? change.error} />
      {change.isSuccess && !problem && (
        <p className="form-success" role="status">
          {changedMessage(change.data.revokedTokens)}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={change.isPending}>
          Change password
        </button>
      </div>
    </form>
  );
}

/** Scripts stop working after a password change: the user is told why, and what to do. */
function changedMessage(revokedTokens: number): string {
  const signedOut = 'Password changed. You were signed out everywhere else';
  if (revokedTokens === 0) return `${signedOut}.`;
  const tokens =
    revokedTokens === 1 ? 'your API token was' : `your ${revokedTokens} API tokens were`;
  return `${signedOut}, and ${tokens} revoked: create new ones for your scripts.`;
}
