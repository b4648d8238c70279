import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Document, Highlight, UpdateHighlightBody } from '@kodbok/contracts';
import { api } from '../../../lib/api-client';
import { getDocumentQueryOptions, type DocumentRef } from './get-document';
import { codesQueryKey } from '../../../lib/queries/get-codes';

/** PATCH /api/highlights/:highlightId (a changed span needs start, end and quote together). */
export function updateHighlight(
  highlightId: string,
  body: UpdateHighlightBody,
): Promise<Highlight> {
  return api<Highlight>('PATCH', `/api/highlights/${encodeURIComponent(highlightId)}`, body);
}

interface Variables {
  document: DocumentRef;
  highlightId: string;
  body: UpdateHighlightBody;
}

/** Optimistic like creation; on failure the one highlight goes back to what it was. */
export function useUpdateHighlight() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ highlightId, body }: Variables) => updateHighlight(highlightId, body),
    onMutate: async ({ document, highlightId, body }) => {
      const { queryKey } = getDocumentQueryOptions(document.id, document.coders);
      await queryClient.cancelQueries({ queryKey });
      const previous = queryClient
        .getQueryData(queryKey)
        ?.highlights.find((h) => h.id === highlightId);
      queryClient.setQueryData(queryKey, (doc) =>
        doc ? replace(doc, highlightId, (h) => ({ ...h, ...body })) : doc,
      );
      return { previous };
    },
    onError: (_error, { document, highlightId }, context) => {
      const previous = context?.previous;
      if (!previous) return;
      queryClient.setQueryData(
        getDocumentQueryOptions(document.id, document.coders).queryKey,
        (doc) => (doc ? replace(doc, highlightId, () => previous) : doc),
      );
    },
    onSuccess: (updated, { document, highlightId }) => {
      queryClient.setQueryData(
        getDocumentQueryOptions(document.id, document.coders).queryKey,
        (doc) => (doc ? replace(doc, highlightId, () => updated) : doc),
      );
    },
    onSettled: (_data, _error, { document, body }) =>
      body.codeIds
        ? queryClient.invalidateQueries({ queryKey: codesQueryKey(document.projectId) })
        : undefined,
  });
}

function replace(doc: Document, id: string, f: (h: Highlight) => Highlight): Document {
  return { ...doc, highlights: doc.highlights.map((h) => (h.id === id ? f(h) : h)) };
}
