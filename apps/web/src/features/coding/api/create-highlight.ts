import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateHighlightBody, Highlight } from '@kodbok/contracts';
import { api } from '../../../lib/api-client';
import { getDocumentQueryOptions, type DocumentRef } from './get-document';
import { codesQueryKey } from '../../../lib/queries/get-codes';

/** POST /api/documents/:documentId/highlights */
export function createHighlight(documentId: string, body: CreateHighlightBody): Promise<Highlight> {
  return api<Highlight>(
    'POST',
    `/api/documents/${encodeURIComponent(documentId)}/highlights`,
    body,
  );
}

interface Variables {
  document: DocumentRef;
  body: CreateHighlightBody;
  /** Shown until the server answers; its temporary id is replaced by the real one. */
  optimistic: Highlight;
}

/**
 * Optimistic: the highlight is in the document cache before the request leaves, so the tint
 * appears under the pointer at once. On failure only this highlight is removed again (not a
 * snapshot restore, which would also undo other codings made meanwhile). Callers show the error.
 */
export function useCreateHighlight() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ document, body }: Variables) => createHighlight(document.id, body),
    onMutate: async ({ document, optimistic }) => {
      const { queryKey } = getDocumentQueryOptions(document.id, document.coders);
      await queryClient.cancelQueries({ queryKey });
      queryClient.setQueryData(queryKey, (doc) =>
        doc ? { ...doc, highlights: [...doc.highlights, optimistic] } : doc,
      );
    },
    onError: (_error, { document, optimistic }) => {
      queryClient.setQueryData(
        getDocumentQueryOptions(document.id, document.coders).queryKey,
        (doc) =>
          doc ? { ...doc, highlights: doc.highlights.filter((h) => h.id !== optimistic.id) } : doc,
      );
    },
    onSuccess: (created, { document, optimistic }) => {
      queryClient.setQueryData(
        getDocumentQueryOptions(document.id, document.coders).queryKey,
        (doc) =>
          doc
            ? {
                ...doc,
                highlights: doc.highlights.map((h) => (h.id === optimistic.id ? created : h)),
              }
            : doc,
      );
    },
    // Counts in the codebook changed.
    onSettled: (_data, _error, { document }) =>
      queryClient.invalidateQueries({ queryKey: codesQueryKey(document.projectId) }),
  });
}
