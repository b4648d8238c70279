import { queryOptions, useQuery } from '@tanstack/react-query';
import type { User } from '@kodbok/contracts';
import { api } from '../../../lib/api-client';

/** GET /api/users: every account; 403 unless the caller is the instance owner. */
export function getUsers(): Promise<User[]> {
  return api<User[]>('GET', '/api/users');
}

export function getUsersQueryOptions() {
  return queryOptions({ queryKey: ['users'], queryFn: getUsers });
}

export function useUsers(options: { enabled?: boolean } = {}) {
  return useQuery({ ...getUsersQueryOptions(), enabled: options.enabled ?? true });
}
