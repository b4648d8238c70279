import { queryOptions, useQuery } from '@tanstack/react-query';
import { tokenEndpoints, type Token } from '@kodbok/contracts';
import { call } from '../../../lib/api-client';

/** The caller's personal API tokens (never their secrets). */
export function getTokens(): Promise<Token[]> {
  return call(tokenEndpoints.listTokens);
}

export function getTokensQueryOptions() {
  return queryOptions({ queryKey: ['tokens'], queryFn: getTokens });
}

export function useTokens() {
  return useQuery(getTokensQueryOptions());
}
