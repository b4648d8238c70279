import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** DELETE /api/tokens/:tokenId: revokes a token at once. */
export function deleteToken(tokenId: string): Promise<void> {
  return api<void>('DELETE', `/api/tokens/${encodeURIComponent(tokenId)}`);
}

export function useDeleteToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteToken,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['tokens'] }),
  });
}
