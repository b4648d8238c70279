import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AssignAttributeBody } from '@kodbok/contracts';
import { api } from '../../../lib/api-client';
import { invalidateAttributes } from './invalidate';

/** POST /api/projects/:projectId/attributes/:name/studies — one value for many studies. */
export function assignAttribute(projectId: string, name: string, body: AssignAttributeBody) {
  return api<{ updated: number }>(
    'POST',
    `/api/projects/${encodeURIComponent(projectId)}/attributes/${encodeURIComponent(name)}/studies`,
    body,
  );
}

export function useAssignAttribute(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ name, ...body }: AssignAttributeBody & { name: string }) =>
      assignAttribute(projectId, name, body),
    onSuccess: () => invalidateAttributes(queryClient, projectId),
  });
}
