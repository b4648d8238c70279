import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ChangePasswordBody } from '@kodbok/contracts';
import { api } from '../../../lib/api-client';

/** PUT /api/me/password: the server also revokes the user's other sessions. */
export function changePassword(body: ChangePasswordBody): Promise<void> {
  return api<void>('PUT', '/api/me/password', body);
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changePassword,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['tokens'] }),
  });
}
