import { useMutation, useQueryClient } from '@tanstack/react-query';
import { highlightEndpoints, type CreateHighlightBody, type Highlight } from '@kodbok/contracts';
import { callWithStatus } from '../../../lib/api-client';
import { showOptimistic, showRefused, showSaved } from '../lib/highlight-cache';
import { getDocumentQueryOptions, type DocumentRef } from './get-document';
import { invalidateAfterCoding } from './invalidate';

/**
 * Codes a span of a document. `created` is false when the caller already had a highlight of
 * exactly this span: the server added the codes to it (200) instead of a new one (201).
 */
export async function createHighlight(
  documentId: string,
  body: CreateHighlightBody,
): Promise<{ highlight: Highlight; created: boolean }> {
  const { status, data } = await callWithStatus(highlightEndpoints.createHighlight, {
    params: { documentId },
    body,
  });
  return { highlight: data, created: status === 201 };
}

interface Variables {
  document: DocumentRef;
  body: CreateHighlightBody;
  /** Shown until the server answers; its temporary id is replaced by the real one. */
  optimistic: Highlight;
}

/**
 * Optimistic: the highlight is in the document cache before the request leaves, so the tint
 * appears under the pointer at once; on the coder's own identical span its codes join that
 * highlight instead (as on the server). On failure only this change is taken back (not a
 * snapshot restore, which would also undo other codings made meanwhile). Callers show the error.
 */
export function useCreateHighlight() {
  const queryClient = useQueryClient();
  const update = (document: DocumentRef, f: (highlights: Highlight[]) => Highlight[]) =>
    queryClient.setQueryData(
      getDocumentQueryOptions(document.id, document.coders).queryKey,
      (doc) => (doc ? { ...doc, highlights: f(doc.highlights) } : doc),
    );
  return useMutation({
    mutationFn: ({ document, body }: Variables) => createHighlight(document.id, body),
    onMutate: async ({ document, optimistic }) => {
      const { queryKey } = getDocumentQueryOptions(document.id, document.coders);
      await queryClient.cancelQueries({ queryKey });
      let merged: Highlight | undefined;
      update(document, (highlights) => {
        const next = showOptimistic(highlights, optimistic);
        merged = next.merged;
        return next.highlights;
      });
      return { merged };
    },
    onError: (_error, { document, optimistic }, context) =>
      update(document, (hs) => showRefused(hs, optimistic.id, context?.merged)),
    onSuccess: ({ highlight }, { document, optimistic }) =>
      update(document, (hs) => showSaved(hs, optimistic.id, highlight)),
    onSettled: (_data, _error, { document }) =>
      invalidateAfterCoding(
        queryClient,
        { projectId: document.projectId, documentId: document.id },
        'create',
      ),
  });
}
