import { queryOptions, useQuery } from '@tanstack/react-query';
import { documentEndpoints, type Document } from '@kodbok/contracts';
import { call } from '../../../lib/api-client';

/**
 * A document: the text and the highlights of those coders (by default everyone's the caller may
 * see; with independent coding a coder gets only their own).
 */
export function getDocument(documentId: string, coders?: string): Promise<Document> {
  return call(documentEndpoints.getDocument, {
    params: { documentId },
    query: { coders: coders || undefined },
  });
}

/** Keyed by whose coding it holds: switching coders shows another cached copy at once. */
export function getDocumentQueryOptions(documentId: string, coders?: string) {
  return queryOptions({
    queryKey: ['documents', documentId, { coders: coders ?? 'all' }],
    queryFn: () => getDocument(documentId, coders),
  });
}

export function useDocument(documentId: string | undefined, coders?: string) {
  return useQuery({
    ...getDocumentQueryOptions(documentId ?? '', coders),
    enabled: Boolean(documentId),
    // Switching coders keeps the text on screen until the other coding arrives; another
    // document never stands in for this one.
    placeholderData: (previous, previousQuery) =>
      previousQuery?.queryKey[1] === documentId ? previous : undefined,
  });
}

/** Which cached copy of a document a mutation updates: the one on screen. */
export interface DocumentRef {
  id: string;
  projectId: string;
  /** The `coders` the copy on screen was fetched with. */
  coders?: string;
}
