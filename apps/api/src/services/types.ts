import type { CsvMapping } from '@kodbok/contracts';

/** The authenticated caller, as services see it. */
export interface CurrentUser {
  id: string;
  name: string;
  email: string;
  isInstanceOwner: boolean;
  /** Set for cookie sessions, so "revoke my other sessions" can keep this one. */
  sessionId?: string;
}

/** An import request as services see it: files decoded to text, and a CSV mapping if sent. */
export interface Upload {
  files: Array<{ name: string; text: string }>;
  mapping?: CsvMapping;
}
