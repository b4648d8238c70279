import { queryOptions, useQuery } from '@tanstack/react-query';
import { studyEndpoints, type Study } from '@kodbok/contracts';
import { call } from '../../../lib/api-client';
import { studiesQueryKey } from '../../../lib/queries/studies-query-key';

/**
 * The project's studies, optionally searched by title; each study's `highlights` counts the
 * coding of `coders` (default: everyone the caller may see).
 */
export function getStudies(projectId: string, q: string, coders?: string): Promise<Study[]> {
  return call(studyEndpoints.listStudies, {
    params: { projectId },
    query: { q: q || undefined, coders: coders || undefined },
  });
}

/**
 * The whole list is cached under q: '' so the sidebar and the studies page share it (as long as
 * they count the same coders' coding).
 */
export function getStudiesQueryOptions(projectId: string, q = '', coders?: string) {
  return queryOptions({
    queryKey: [...studiesQueryKey(projectId), { q, coders: coders ?? 'all' }],
    queryFn: () => getStudies(projectId, q, coders),
  });
}

export function useStudies(
  projectId: string,
  q = '',
  options: { keepPrevious?: boolean; coders?: string } = {},
) {
  return useQuery({
    ...getStudiesQueryOptions(projectId, q, options.coders),
    // While the user types a search (or switches coders), keep showing the last result instead
    // of flashing a skeleton.
    placeholderData: options.keepPrevious
      ? (previous, previousQuery) =>
          previousQuery?.queryKey[1] === projectId ? previous : undefined
      : undefined,
  });
}
