import { useMutation, useQueryClient } from '@tanstack/react-query';
import { memberEndpoints, type Member, type Role } from '@kodbok/contracts';
import { call } from '../../../lib/api-client';

/** Changes a member's role. */
export function updateMember(projectId: string, userId: string, role: Role): Promise<Member> {
  return call(memberEndpoints.updateMember, { params: { projectId, userId }, body: { role } });
}

export function useUpdateMember(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: Role }) =>
      updateMember(projectId, userId, role),
    // The caller's own role may have changed too, which changes what the project pages offer.
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['projects', projectId] }),
  });
}
