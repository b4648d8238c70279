import { useMutation, useQueryClient } from '@tanstack/react-query';
import { attributeEndpoints } from '@kodbok/contracts';
import { call } from '../../../lib/api-client';
import { invalidateAttributes } from './invalidate';

/** Deletes an attribute from every study of the project. */
export function deleteAttribute(projectId: string, name: string) {
  return call(attributeEndpoints.deleteAttribute, { params: { projectId, name } });
}

export function useDeleteAttribute(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => deleteAttribute(projectId, name),
    onSuccess: () => invalidateAttributes(queryClient, projectId),
  });
}
