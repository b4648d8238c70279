import { ApiError } from '../../../lib/api-client';

export const isForbidden = (error: unknown) => error instanceof ApiError && error.status === 403;

/** What coders and viewers see instead of agreement figures (the server answers them 403). */
export function SupervisorsOnly() {
  return (
    <div className="empty ag-forbidden" role="note">
      <p>
        <strong>Agreement and reconciliation are for the project's owners and supervisors.</strong>
      </p>
      <p>
        While coders work independently, comparing coding would show them each other's work. Ask the
        project's owner if you need to review agreement.
      </p>
    </div>
  );
}
