import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Attribute, AttributeType } from '@kodbok/contracts';
import { api } from '../../../lib/api-client';
import { invalidateAttributes } from './invalidate';

/** PUT /api/projects/:projectId/attributes/:name — lists an attribute or changes its type. */
export function updateAttribute(projectId: string, name: string, type: AttributeType) {
  return api<Attribute>(
    'PUT',
    `/api/projects/${encodeURIComponent(projectId)}/attributes/${encodeURIComponent(name)}`,
    { type },
  );
}

export function useUpdateAttribute(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ name, type }: { name: string; type: AttributeType }) =>
      updateAttribute(projectId, name, type),
    onSuccess: () => invalidateAttributes(queryClient, projectId),
  });
}
