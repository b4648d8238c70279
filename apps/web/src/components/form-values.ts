/** The trimmed string value of a named form field ('' when absent). Passwords are not trimmed. */
export function fieldValue(form: HTMLFormElement, name: string, { trim = true } = {}): string {
  const value = new FormData(form).get(name);
  if (typeof value !== 'string') return '';
  return trim ? value.trim() : value;
}

export const MIN_PASSWORD_LENGTH = 12;

/** A person-readable problem with a new password and its confirmation, or null when fine. */
export function passwordProblem(password: string, confirmation: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH)
    return `The password must be at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (password !== confirmation) return 'The two passwords do not match.';
  return null;
}
