import { useMutation, useQueryClient } from '@tanstack/react-query';
import { userEndpoints, type UpdateUserBody, type User } from '@kodbok/contracts';
import { call } from '../../../lib/api-client';

/** Renames, disables or enables an account: disabling also revokes its sessions and tokens. */
export async function updateUser(userId: string, body: UpdateUserBody): Promise<User> {
  const { user } = await call(userEndpoints.updateUser, { params: { userId }, body });
  return user;
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, body }: { userId: string; body: UpdateUserBody }) =>
      updateUser(userId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
}
