import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UpdateUserBody, User } from '@kodbok/contracts';
import { api } from '../../../lib/api-client';

/** PATCH /api/users/:userId: disabling also revokes the account's sessions and tokens. */
export async function updateUser(userId: string, body: UpdateUserBody): Promise<User> {
  const { user } = await api<{ user: User }>(
    'PATCH',
    `/api/users/${encodeURIComponent(userId)}`,
    body,
  );
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
