import { useQuery } from '@tanstack/react-query';
import type { CodeExamples } from '@kodbok/contracts';
import { api } from '../../../lib/api-client';

/** GET /api/projects/:projectId/codes/examples?per=… */
export function useCodeExamples(projectId: string, per: number) {
  return useQuery({
    queryKey: ['projects', projectId, 'codes', 'examples', per],
    queryFn: () =>
      api<CodeExamples>(
        'GET',
        `/api/projects/${encodeURIComponent(projectId)}/codes/examples?per=${per}`,
      ),
  });
}
