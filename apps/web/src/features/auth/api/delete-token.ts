import { useMutation, useQueryClient } from '@tanstack/react-query';
import { tokenEndpoints } from '@kodbok/contracts';
import { call } from '../../../lib/api-client';

/** Revokes a token at once. */
export async function deleteToken(tokenId: string): Promise<void> {
  await call(tokenEndpoints.deleteToken, { params: { tokenId } });
}

export function useDeleteToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteToken,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['tokens'] }),
  });
}
