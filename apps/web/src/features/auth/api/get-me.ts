import { queryOptions, useQuery } from '@tanstack/react-query';
import { sessionEndpoints, type User } from '@kodbok/contracts';
import { call } from '../../../lib/api-client';

/**
 * The signed-in user, or null when nobody is signed in. Asks the session (getSession), not
 * getMe, which answers 401 then: a first visit would log that in the browser console, and being
 * signed out is an expected state here, not an error.
 */
export async function getMe(): Promise<User | null> {
  const { user } = await call(sessionEndpoints.getSession);
  return user;
}

export function getMeQueryOptions() {
  return queryOptions({ queryKey: ['me'], queryFn: getMe });
}

/** `data` is null when signed out; the signed-in pages render only once it is a user. */
export function useMe() {
  return useQuery(getMeQueryOptions());
}
