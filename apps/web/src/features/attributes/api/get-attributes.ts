import { queryOptions, useQuery } from '@tanstack/react-query';
import { attributeEndpoints, type Attribute } from '@kodbok/contracts';
import { call } from '../../../lib/api-client';

/** The project's study attributes, with their types and the values in use. */
export function getAttributes(projectId: string): Promise<Attribute[]> {
  return call(attributeEndpoints.listAttributes, { params: { projectId } });
}

export function getAttributesQueryOptions(projectId: string) {
  return queryOptions({
    queryKey: ['projects', projectId, 'attributes'],
    queryFn: () => getAttributes(projectId),
  });
}

export function useAttributes(projectId: string) {
  return useQuery(getAttributesQueryOptions(projectId));
}
