import { useMutation, useQueryClient } from '@tanstack/react-query';
import { sessionEndpoints, type SetupBody, type User } from '@kodbok/contracts';
import { call } from '../../../lib/api-client';

/** Creates the instance owner and signs them in. */
export async function createSetup(body: SetupBody): Promise<User> {
  const { user } = await call(sessionEndpoints.createSetup, { body });
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
