import type { Repositories } from '@kodbok/db';
import type { Document } from '@kodbok/contracts';
import { authorizeIn } from './access';
import { resolveCoders } from './coders';
import { toHighlight } from './highlight.service';
import type { CurrentUser } from './types';

/** A study's text with the highlights the caller asked for and may read. */
export function createDocumentService(repos: Repositories) {
  return {
    get(user: CurrentUser, documentId: string, coders: string | undefined): Document {
      const doc = repos.studies.documentById(documentId);
      authorizeIn(repos, user, doc?.projectId, 'Document', 'read');
      const { id, studyId, projectId, kind, text, length } = doc!;
      const coderIds = resolveCoders(repos, user, projectId, coders);
      const highlights = repos.highlights.listForDocument(id, coderIds).map(toHighlight);
      return { id, studyId, projectId, kind, text, length, highlights };
    },
  };
}
