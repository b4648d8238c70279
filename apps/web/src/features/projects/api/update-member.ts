import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Member, Role } from '@kodbok/contracts';
import { api } from '../../../lib/api-client';

export const memberPath = (projectId: string, userId: string) =>
  `/api/projects/${encodeURIComponent(projectId)}/members/${encodeURIComponent(userId)}`;

/** PATCH /api/projects/:projectId/members/:userId: changes a member's role. */
export function updateMember(projectId: string, userId: string, role: Role): Promise<Member> {
  return api<Member>('PATCH', memberPath(projectId, userId), { role });
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
