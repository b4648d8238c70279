import { useMutation, useQueryClient } from '@tanstack/react-query';
import { tokenEndpoints, type CreatedToken, type CreateTokenBody } from '@kodbok/contracts';
import { call } from '../../../lib/api-client';

/** Creates an API token: the answer is the only time the secret is ever sent. */
export function createToken(body: CreateTokenBody): Promise<CreatedToken> {
  return call(tokenEndpoints.createToken, { body });
}

export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createToken,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['tokens'] }),
  });
}
