import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ChangePasswordBody, ChangePasswordResult } from '@kodbok/contracts';
import { api } from '../../../lib/api-client';

/** PUT /api/me/password: the server also signs out the other sessions and revokes every API token. */
export function changePassword(body: ChangePasswordBody): Promise<ChangePasswordResult> {
  return api<ChangePasswordResult>('PUT', '/api/me/password', body);
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changePassword,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['tokens'] }),
  });
}
