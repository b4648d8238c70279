import { ApiError } from '../lib/api-client';

/** The message to show a person for a failed request: the server's own words when it sent some. */
export function errorText(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 429)
      return error.body.message || 'Too many attempts. Wait a minute and try again.';
    return error.body.message;
  }
  if (error instanceof TypeError)
    return 'Cannot reach the server. Check your connection and try again.';
  return error instanceof Error ? error.message : 'Something went wrong. Try again.';
}

/** True when the request failed because the thing does not exist (or is not visible to the caller). */
export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}
