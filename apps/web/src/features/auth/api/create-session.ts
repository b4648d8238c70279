import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SignInBody, User } from '@kodbok/contracts';
import { api } from '../../../lib/api-client';

/** POST /api/session: signs in with e-mail and password (sets the session cookie). */
export async function createSession(body: SignInBody): Promise<User> {
  const { user } = await api<{ user: User }>('POST', '/api/session', body);
  return user;
}

export function useCreateSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createSession,
    onSuccess: (user) => {
      // Whatever was cached belonged to whoever was signed in before.
      queryClient.clear();
      queryClient.setQueryData(['me'], user);
      queryClient.setQueryData(['setup'], { required: false });
    },
  });
}
