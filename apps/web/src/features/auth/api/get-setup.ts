import { queryOptions, useQuery } from '@tanstack/react-query';
import type { SetupStatus } from '@kodbok/contracts';
import { api } from '../../../lib/api-client';

/** GET /api/setup: whether the first visit still has to create the owner account. */
export function getSetup(): Promise<SetupStatus> {
  return api<SetupStatus>('GET', '/api/setup');
}

export function getSetupQueryOptions() {
  return queryOptions({ queryKey: ['setup'], queryFn: getSetup, staleTime: Infinity });
}

export function useSetup() {
  return useQuery(getSetupQueryOptions());
}
