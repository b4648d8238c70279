import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SetupBody, User } from '@kodbok/contracts';
import { api } from '../../../lib/api-client';

/** POST /api/setup: creates the instance owner and signs them in. */
export async function createSetup(body: SetupBody): Promise<User> {
  const { user } = await api<{ user: User }>('POST', '/api/setup', body);
  return user;
}

export function useCreateSetup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createSetup,
    onSuccess: (user) => {
      queryClient.setQueryData(['setup'], { required: false });
      queryClient.setQueryData(['me'], user);
    },
  });
}
