import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AddMemberBody, Member } from '@kodbok/contracts';
import { api } from '../../../lib/api-client';

/** POST /api/projects/:projectId/members: 404 when no account has that e-mail. */
export function addMember(projectId: string, body: AddMemberBody): Promise<Member> {
  return api<Member>('POST', `/api/projects/${encodeURIComponent(projectId)}/members`, body);
}

export function useAddMember(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AddMemberBody) => addMember(projectId, body),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: ['projects', projectId, 'members'] }),
  });
}
