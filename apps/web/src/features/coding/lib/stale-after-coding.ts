import type { QueryKey } from '@tanstack/react-query';
import type { UpdateHighlightBody } from '@kodbok/contracts';
import { codesQueryKey } from '../../../lib/queries/get-codes';
import { studiesQueryKey } from '../../../lib/queries/studies-query-key';

/** A change to one highlight: coded, deleted, or some of its fields changed. */
export type CodingChange = 'create' | 'delete' | UpdateHighlightBody;

export interface StaleQueries {
  /** A prefix: every coder choice, search and filter cached under it. */
  queryKey: QueryKey;
  /** Refetch the ones on screen now (counts); false: only marked stale, fetched when next shown. */
  refetch: boolean;
}

/**
 * What a coding action makes stale, by key prefix. Counts hang on every highlight: the codebook's,
 * the study lists' ("My coding" and the workspace's per-coder counts, cached per `coders` choice
 * under the prefix), analysis, agreement and the export preview. The document's other cached
 * copies (other coder choices) are marked stale only: the copy on screen is already right (the
 * optimistic update, then the server's answer), and refetching a long text per action is costly.
 * A memo changes no count, only what analysis excerpts show and search finds.
 */
export function staleAfterCoding(
  ref: { projectId: string; documentId: string },
  change: CodingChange,
): StaleQueries[] {
  const p = ref.projectId;
  const analysis = { queryKey: ['projects', p, 'analysis'], refetch: true };
  const memoOnly = typeof change === 'object' && Object.keys(change).every((key) => key === 'memo');
  if (memoOnly) return [analysis];
  return [
    { queryKey: codesQueryKey(p), refetch: true },
    { queryKey: studiesQueryKey(p), refetch: true },
    analysis,
    { queryKey: ['projects', p, 'agreement'], refetch: true },
    { queryKey: ['projects', p, 'exports'], refetch: true },
    { queryKey: ['documents', ref.documentId], refetch: false },
  ];
}
