import { queryOptions, useQuery } from '@tanstack/react-query';
import type { User } from '@kodbok/contracts';
import { api } from '../../../lib/api-client';

/** GET /api/me: the signed-in user; rejects with ApiError 401 when nobody is signed in. */
export async function getMe(): Promise<User> {
  const { user } = await api<{ user: User }>('GET', '/api/me');
  return user;
}

export function getMeQueryOptions() {
  return queryOptions({ queryKey: ['me'], queryFn: getMe });
}

export function useMe() {
  return useQuery(getMeQueryOptions());
}
