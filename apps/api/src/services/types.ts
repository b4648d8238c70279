/** The authenticated caller, as services see it. */
export interface CurrentUser {
  id: string;
  name: string;
  email: string;
  isInstanceOwner: boolean;
  /** Set for cookie sessions, so "revoke my other sessions" can keep this one. */
  sessionId?: string;
}
