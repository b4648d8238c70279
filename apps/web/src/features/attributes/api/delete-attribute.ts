import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { invalidateAttributes } from './invalidate';

/** DELETE /api/projects/:projectId/attributes/:name — from every study of the project. */
export function deleteAttribute(projectId: string, name: string) {
  return api<void>(
    'DELETE',
    `/api/projects/${encodeURIComponent(projectId)}/attributes/${encodeURIComponent(name)}`,
  );
}

export function useDeleteAttribute(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => deleteAttribute(projectId, name),
    onSuccess: () => invalidateAttributes(queryClient, projectId),
  });
}
