import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateUserBody, User } from '@kodbok/contracts';
import { api } from '../../../lib/api-client';

/** POST /api/users: the instance owner creates an account (409 when the e-mail is taken). */
export async function createUser(body: CreateUserBody): Promise<User> {
  const { user } = await api<{ user: User }>('POST', '/api/users', body);
  return user;
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
}
