import { useMutation, useQueryClient } from '@tanstack/react-query';
import { userEndpoints, type CreateUserBody, type User } from '@kodbok/contracts';
import { call } from '../../../lib/api-client';

/** The instance owner creates an account (409 when the e-mail is taken). */
export async function createUser(body: CreateUserBody): Promise<User> {
  const { user } = await call(userEndpoints.createUser, { body });
  return user;
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
}
