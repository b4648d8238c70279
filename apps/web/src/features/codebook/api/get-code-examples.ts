import { useQuery } from '@tanstack/react-query';
import { codeEndpoints } from '@kodbok/contracts';
import { call } from '../../../lib/api-client';

/** A few quotes of each code, `per` of them. */
export function useCodeExamples(projectId: string, per: number) {
  return useQuery({
    queryKey: ['projects', projectId, 'codes', 'examples', per],
    queryFn: () => call(codeEndpoints.getCodeExamples, { params: { projectId }, query: { per } }),
  });
}
