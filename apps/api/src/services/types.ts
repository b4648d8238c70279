import type { CsvMapping } from '@kodbok/contracts';
import type { FileText } from '@kodbok/core';

/** The authenticated caller, as services see it. */
export interface CurrentUser {
  id: string;
  name: string;
  email: string;
  isInstanceOwner: boolean;
  /** Set for cookie sessions, so "revoke my other sessions" can keep this one. */
  sessionId?: string;
}

/** An import request as it arrives: each file's bytes as sent, and a CSV mapping if sent. */
export interface Upload {
  files: Array<{ name: string; bytes: Uint8Array }>;
  mapping?: CsvMapping;
}

/** The same with each file's text, whole or as lines (services/upload-text.ts). */
export interface DecodedUpload {
  files: Array<{ name: string; text: FileText }>;
  mapping?: CsvMapping;
}
