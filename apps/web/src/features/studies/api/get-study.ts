import { queryOptions, useQuery } from '@tanstack/react-query';
import { studyEndpoints, type Study } from '@kodbok/contracts';
import { call } from '../../../lib/api-client';

/** One study, with its documents. */
export function getStudy(studyId: string): Promise<Study> {
  return call(studyEndpoints.getStudy, { params: { studyId } });
}

export function getStudyQueryOptions(studyId: string) {
  return queryOptions({ queryKey: ['studies', studyId], queryFn: () => getStudy(studyId) });
}

export function useStudy(studyId: string | undefined) {
  return useQuery({ ...getStudyQueryOptions(studyId ?? ''), enabled: Boolean(studyId) });
}
