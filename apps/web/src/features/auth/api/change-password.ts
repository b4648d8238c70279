import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  sessionEndpoints,
  type ChangePasswordBody,
  type ChangePasswordResult,
} from '@kodbok/contracts';
import { call } from '../../../lib/api-client';

/** Changes the password: the server also signs out the other sessions and revokes every API token. */
export function changePassword(body: ChangePasswordBody): Promise<ChangePasswordResult> {
  return call(sessionEndpoints.changePassword, { body });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changePassword,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['tokens'] }),
  });
}
