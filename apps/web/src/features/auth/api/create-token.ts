import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreatedToken, CreateTokenBody } from '@kodbok/contracts';
import { api } from '../../../lib/api-client';

/** POST /api/tokens: the answer is the only time the secret is ever sent. */
export function createToken(body: CreateTokenBody): Promise<CreatedToken> {
  return api<CreatedToken>('POST', '/api/tokens', body);
}

export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createToken,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['tokens'] }),
  });
}
