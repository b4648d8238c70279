import type { Repositories } from '@kodbok/db';
import type { Document } from '@kodbok/contracts';
import { NotFoundError } from '../errors';
import { authorizeIn } from './access';
import { resolveCoders } from './coders';
import type { JsonBytes } from './read-runner';
import type { CurrentUser } from './types';

/** A study's text with the highlights the caller asked for and may read. */
export function createDocumentService(repos: Repositories) {
  return {
    get(user: CurrentUser, documentId: string, coders: string | undefined): JsonBytes<Document> {
      const projectId = repos.highlights.projectOfDocument(documentId);
      authorizeIn(repos, user, projectId, 'Document', 'read');
      const coderIds = resolveCoders(repos, user, projectId!, coders);
      // The reads are separate statements: a delete committed in between by another connection
      // leaves nothing to answer.
      const json = repos.highlights.documentJson(documentId, coderIds);
      if (!json) throw new NotFoundError('Document');
      return json;
    },
  };
}
