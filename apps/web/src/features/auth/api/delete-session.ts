import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** DELETE /api/session: signs out. The caller clears the cache once it has left the signed-in pages. */
export function deleteSession(): Promise<void> {
  return api<void>('DELETE', '/api/session');
}

export function useDeleteSession() {
  return useMutation({ mutationFn: deleteSession });
}
