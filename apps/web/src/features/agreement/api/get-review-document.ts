import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Document } from '@kodbok/contracts';
import { CONSENSUS_CODER_ID, documentEndpoints } from '@kodbok/contracts';
import { call } from '../../../lib/api-client';

/** The text with the highlights of the compared coders and of the consensus coding. */
export function getReviewDocument(
  documentId: string,
  coders: readonly string[],
): Promise<Document> {
  const all = [...new Set([...coders, CONSENSUS_CODER_ID])];
  return call(documentEndpoints.getDocument, {
    params: { documentId },
    query: { coders: all.join(',') },
  });
}

// A key under ['documents', id], the workspace's own key for this document: coding there, and
// resolutions here, refresh both.
export function getReviewDocumentQueryOptions(documentId: string, coders: readonly string[]) {
  return queryOptions({
    queryKey: ['documents', documentId, 'coders', coders],
    queryFn: () => getReviewDocument(documentId, coders),
    staleTime: 0,
  });
}

export function useReviewDocument(documentId: string, coders: readonly string[]) {
  return useQuery(getReviewDocumentQueryOptions(documentId, coders));
}
