import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  highlightEndpoints,
  type Document,
  type Highlight,
  type UpdateHighlightBody,
} from '@kodbok/contracts';
import { call, type RequestOptions } from '../../../lib/api-client';
import { getDocumentQueryOptions, type DocumentRef } from './get-document';
import { invalidateAfterCoding } from './invalidate';

/** Changes a highlight (a changed span needs start, end and quote together). */
export function updateHighlight(
  highlightId: string,
  body: UpdateHighlightBody,
  options?: RequestOptions,
): Promise<Highlight> {
  return call(highlightEndpoints.updateHighlight, { params: { highlightId }, body }, options);
}

interface Variables {
  document: DocumentRef;
  highlightId: string;
  body: UpdateHighlightBody;
  /** Sent while the page is being left (a memo): the request must outlive it. */
  keepalive?: boolean;
}

/** Optimistic like creation; on failure the one highlight goes back to what it was. */
export function useUpdateHighlight() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ highlightId, body, keepalive }: Variables) =>
      updateHighlight(highlightId, body, { keepalive }),
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
      invalidateAfterCoding(
        queryClient,
        { projectId: document.projectId, documentId: document.id },
        body,
      ),
  });
}

function replace(doc: Document, id: string, f: (h: Highlight) => Highlight): Document {
  return { ...doc, highlights: doc.highlights.map((h) => (h.id === id ? f(h) : h)) };
}
