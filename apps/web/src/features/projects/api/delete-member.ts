import { useMutation, useQueryClient } from '@tanstack/react-query';
import { memberEndpoints } from '@kodbok/contracts';
import { call } from '../../../lib/api-client';

/** Removes a member from the project. */
export async function deleteMember(projectId: string, userId: string): Promise<void> {
  await call(memberEndpoints.deleteMember, { params: { projectId, userId } });
}

export function useDeleteMember(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => deleteMember(projectId, userId),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: ['projects', projectId, 'members'] }),
  });
}
