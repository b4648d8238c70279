import { queryOptions, useQuery } from '@tanstack/react-query';
import { sessionEndpoints, type SetupStatus } from '@kodbok/contracts';
import { call } from '../../../lib/api-client';

/** Whether the first visit still has to create the owner account. */
export function getSetup(): Promise<SetupStatus> {
  return call(sessionEndpoints.getSetup);
}

export function getSetupQueryOptions() {
  return queryOptions({ queryKey: ['setup'], queryFn: getSetup, staleTime: Infinity });
}

export function useSetup() {
  return useQuery(getSetupQueryOptions());
}
