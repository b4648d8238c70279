import { queryOptions, useQuery } from '@tanstack/react-query';
import { attributeEndpoints, type Attribute } from '@kodbok/contracts';
import { call } from '../../../lib/api-client';
import { ANALYSIS_STALE_TIME } from './analysis-params';

/** The project's study attributes: names and values to filter and group by. */
export function getAttributes(projectId: string): Promise<Attribute[]> {
  return call(attributeEndpoints.listAttributes, { params: { projectId } });
}

export function getAttributesQueryOptions(projectId: string) {
  return queryOptions({
    queryKey: ['projects', projectId, 'analysis', 'attributes'],
    queryFn: () => getAttributes(projectId),
    staleTime: ANALYSIS_STALE_TIME,
  });
}

export function useAttributes(projectId: string) {
  return useQuery(getAttributesQueryOptions(projectId));
}
