import { useMutation, useQueryClient } from '@tanstack/react-query';
import { attributeEndpoints, type AttributeType } from '@kodbok/contracts';
import { call } from '../../../lib/api-client';
import { invalidateAttributes } from './invalidate';

/** Lists an attribute or changes its type. */
export function updateAttribute(projectId: string, name: string, type: AttributeType) {
  return call(attributeEndpoints.updateAttribute, { params: { projectId, name }, body: { type } });
}

export function useUpdateAttribute(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ name, type }: { name: string; type: AttributeType }) =>
      updateAttribute(projectId, name, type),
    onSuccess: () => invalidateAttributes(queryClient, projectId),
  });
}
