import type {
  CreateHighlightBody,
  Document,
  Highlight,
  UpdateHighlightBody,
} from '@kodbok/contracts';
import { CONSENSUS_CODER_ID } from '@kodbok/contracts';
import { quoteSelector } from '@kodbok/core';
import { useToast } from '../../../components/toast';
import { errorText } from '../../../components/error-text';
import { useCreateHighlight } from '../api/create-highlight';
import { useUpdateHighlight } from '../api/update-highlight';
import { useDeleteHighlight } from '../api/delete-highlight';

export interface Coder {
  id: string;
  name: string;
}

/** Where the document on screen came from, and whose coding new highlights become. */
export interface CodingTarget {
  /** The `coders` the document was fetched with (its cache key). */
  coders?: string;
  /** Owners and supervisors showing only the consensus code into it. */
  intoConsensus: boolean;
}

const CONSENSUS: Coder = { id: CONSENSUS_CODER_ID, name: 'Consensus' };

/**
 * The three highlight mutations as plain async functions that never throw: they show the
 * server's reason in an error toast and answer null/false, which is what undo/redo needs.
 * `create` codes into the consensus when the body says so (`consensus: true`).
 */
export function useHighlightMutations(document: Document, me: Coder, target: CodingTarget) {
  const ref = { id: document.id, projectId: document.projectId, coders: target.coders };
  const create = useCreateHighlight();
  const update = useUpdateHighlight();
  const remove = useDeleteHighlight();
  const notify = useToast();
  const fail = (what: string, error: unknown) =>
    notify({ message: `${what}: ${errorText(error)}`, kind: 'error' });

  return {
    /** `created` false: the server added the codes to the coder's own highlight of this span. */
    async create(
      body: CreateHighlightBody,
    ): Promise<{ highlight: Highlight; created: boolean } | null> {
      const now = new Date().toISOString();
      const coder = body.consensus ? CONSENSUS : me;
      const optimistic: Highlight = {
        id: `pending-${Date.now()}-${Math.random().toString(36).slice(2)}`,
        documentId: document.id,
        coderId: coder.id,
        coderName: coder.name,
        ...quoteSelector(document.text, body),
        start: body.start,
        end: body.end,
        codeIds: body.codeIds,
        memo: body.memo ?? null,
        createdAt: now,
        updatedAt: now,
      };
      try {
        return await create.mutateAsync({ document: ref, body, optimistic });
      } catch (error) {
        fail('The passage was not coded', error);
        return null;
      }
    },
    async update(
      highlightId: string,
      body: UpdateHighlightBody,
      options: { keepalive?: boolean } = {},
    ): Promise<Highlight | null> {
      try {
        return await update.mutateAsync({ document: ref, highlightId, body, ...options });
      } catch (error) {
        fail('The highlight was not changed', error);
        return null;
      }
    },
    async remove(highlightId: string): Promise<boolean> {
      try {
        await remove.mutateAsync({ document: ref, highlightId });
        return true;
      } catch (error) {
        fail('The highlight was not deleted', error);
        return false;
      }
    },
  };
}
