import { useMutation, useQueryClient } from '@tanstack/react-query';
import { highlightEndpoints } from '@kodbok/contracts';
import { call } from '../../../lib/api-client';
import { getDocumentQueryOptions, type DocumentRef } from './get-document';
import { invalidateAfterCoding } from './invalidate';

/** Deletes a highlight. */
export async function deleteHighlight(highlightId: string): Promise<void> {
  await call(highlightEndpoints.deleteHighlight, { params: { highlightId } });
}

interface Variables {
  document: DocumentRef;
  highlightId: string;
}

/** Optimistic removal; a refused delete puts the highlight back where it was. */
export function useDeleteHighlight() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ highlightId }: Variables) => deleteHighlight(highlightId),
    onMutate: async ({ document, highlightId }) => {
      const { queryKey } = getDocumentQueryOptions(document.id, document.coders);
      await queryClient.cancelQueries({ queryKey });
      const previous = queryClient
        .getQueryData(queryKey)
        ?.highlights.find((h) => h.id === highlightId);
      queryClient.setQueryData(queryKey, (doc) =>
        doc ? { ...doc, highlights: doc.highlights.filter((h) => h.id !== highlightId) } : doc,
      );
      return { previous };
    },
    onError: (_error, { document }, context) => {
      const previous = context?.previous;
      if (!previous) return;
      queryClient.setQueryData(
        getDocumentQueryOptions(document.id, document.coders).queryKey,
        (doc) => (doc ? { ...doc, highlights: [...doc.highlights, previous] } : doc),
      );
    },
    onSettled: (_data, _error, { document }) =>
      invalidateAfterCoding(
        queryClient,
        { projectId: document.projectId, documentId: document.id },
        'delete',
      ),
  });
}
