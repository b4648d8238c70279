import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Study } from '@kodbok/contracts';
import { api } from '../../../lib/api-client';

/** GET /api/studies/:studyId */
export function getStudy(studyId: string): Promise<Study> {
  return api<Study>('GET', `/api/studies/${encodeURIComponent(studyId)}`);
}

export function getStudyQueryOptions(studyId: string) {
  return queryOptions({ queryKey: ['studies', studyId], queryFn: () => getStudy(studyId) });
}

export function useStudy(studyId: string | undefined) {
  return useQuery({ ...getStudyQueryOptions(studyId ?? ''), enabled: Boolean(studyId) });
}
