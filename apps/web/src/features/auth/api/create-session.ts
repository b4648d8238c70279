import { useMutation, useQueryClient } from '@tanstack/react-query';
import { sessionEndpoints, type SignInBody, type User } from '@kodbok/contracts';
import { call } from '../../../lib/api-client';

/** Signs in with e-mail and password (sets the session cookie). */
export async function createSession(body: SignInBody): Promise<User> {
  const { user } = await call(sessionEndpoints.createSession, { body });
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
