import { queryOptions, useQuery } from '@tanstack/react-query';
import { studyEndpoints, type StudyDeletion } from '@kodbok/contracts';
import { call } from '../../../lib/api-client';

/**
 * What deleting the studies would take with it (the deletion's preview). A POST because a
 * selection of thousands of ids does not fit in a URL; it changes nothing.
 */
export function getStudyDeletion(projectId: string, studyIds: string[]): Promise<StudyDeletion> {
  return call(studyEndpoints.deleteStudies, {
    params: { projectId },
    query: { mode: 'preview' },
    body: { studyIds },
  });
}

/** The key segment of the deletion counts, under the project. */
export const STUDY_DELETION = 'study-deletion';

export function getStudyDeletionQueryOptions(projectId: string, studyIds: string[]) {
  return queryOptions({
    queryKey: ['projects', projectId, STUDY_DELETION, studyIds],
    queryFn: () => getStudyDeletion(projectId, studyIds),
    // Counted when the confirmation opens, never from an old cache: coding goes on meanwhile.
    staleTime: 0,
    gcTime: 0,
  });
}

export function useStudyDeletion(projectId: string, studyIds: string[], enabled: boolean) {
  return useQuery({
    ...getStudyDeletionQueryOptions(projectId, studyIds),
    enabled: enabled && studyIds.length > 0,
  });
}
