import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Document } from '@kodbok/contracts';
import { api } from '../../../lib/api-client';

/** GET /api/documents/:documentId: the text and every highlight on it (all coders). */
export function getDocument(documentId: string): Promise<Document> {
  return api<Document>('GET', `/api/documents/${encodeURIComponent(documentId)}`);
}

export function getDocumentQueryOptions(documentId: string) {
  return queryOptions({
    queryKey: ['documents', documentId],
    queryFn: () => getDocument(documentId),
  });
}

export function useDocument(documentId: string | undefined) {
  return useQuery({ ...getDocumentQueryOptions(documentId ?? ''), enabled: Boolean(documentId) });
}
