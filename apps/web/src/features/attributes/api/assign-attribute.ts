import { useMutation, useQueryClient } from '@tanstack/react-query';
import { attributeEndpoints, type AssignAttributeBody } from '@kodbok/contracts';
import { call } from '../../../lib/api-client';
import { invalidateAttributes } from './invalidate';

/** Sets one attribute value on many studies (null removes it). */
export function assignAttribute(projectId: string, name: string, body: AssignAttributeBody) {
  return call(attributeEndpoints.assignAttribute, { params: { projectId, name }, body });
}

export function useAssignAttribute(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ name, ...body }: AssignAttributeBody & { name: string }) =>
      assignAttribute(projectId, name, body),
    onSuccess: () => invalidateAttributes(queryClient, projectId),
  });
}
