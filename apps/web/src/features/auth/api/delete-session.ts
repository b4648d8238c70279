import { useMutation } from '@tanstack/react-query';
import { sessionEndpoints } from '@kodbok/contracts';
import { call } from '../../../lib/api-client';

/** Signs out. The caller clears the cache once it has left the signed-in pages. */
export async function deleteSession(): Promise<void> {
  await call(sessionEndpoints.deleteSession);
}

export function useDeleteSession() {
  return useMutation({ mutationFn: deleteSession });
}
