import { queryOptions, useQuery } from '@tanstack/react-query';
import { userEndpoints, type User } from '@kodbok/contracts';
import { call } from '../../../lib/api-client';

/** Every account; 403 unless the caller is the instance owner. */
export function getUsers(): Promise<User[]> {
  return call(userEndpoints.listUsers);
}

export function getUsersQueryOptions() {
  return queryOptions({ queryKey: ['users'], queryFn: getUsers });
}

export function useUsers(options: { enabled?: boolean } = {}) {
  return useQuery({ ...getUsersQueryOptions(), enabled: options.enabled ?? true });
}
