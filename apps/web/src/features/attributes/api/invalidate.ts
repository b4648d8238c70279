import type { QueryClient } from '@tanstack/react-query';

/** After an attribute change: the attribute list, every study list and cached studies. */
export function invalidateAttributes(queryClient: QueryClient, projectId: string) {
  void queryClient.invalidateQueries({ queryKey: ['projects', projectId] });
  void queryClient.invalidateQueries({ queryKey: ['studies'] });
}
