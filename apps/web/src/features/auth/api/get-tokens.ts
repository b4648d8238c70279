import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Token } from '@kodbok/contracts';
import { api } from '../../../lib/api-client';

/** GET /api/tokens: the caller's personal API tokens (never their secrets). */
export function getTokens(): Promise<Token[]> {
  return api<Token[]>('GET', '/api/tokens');
}

export function getTokensQueryOptions() {
  return queryOptions({ queryKey: ['tokens'], queryFn: getTokens });
}

export function useTokens() {
  return useQuery(getTokensQueryOptions());
}
