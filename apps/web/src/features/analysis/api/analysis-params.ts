/** The filters every analysis view shares; kept in the URL so links and Back keep them. */
export interface AnalysisFilter {
  /** Empty: all coders. */
  coders: readonly string[];
  /** Empty: every code. */
  codes: readonly string[];
  /** "name=value" study attribute filters. */
  attr: readonly string[];
}

/** The query string the analysis endpoints understand (see packages/contracts/src/analysis.ts). */
export function filterParams(filter: AnalysisFilter, extra: Record<string, string | number> = {}) {
  const params = new URLSearchParams();
  if (filter.coders.length > 0) params.set('coders', filter.coders.join(','));
  if (filter.codes.length > 0) params.set('codes', filter.codes.join(','));
  for (const a of filter.attr) params.append('attr', a);
  for (const [k, v] of Object.entries(extra)) params.set(k, String(v));
  const s = params.toString();
  return s ? `?${s}` : '';
}

export const projectPath = (projectId: string, endpoint: string) =>
  `/api/projects/${encodeURIComponent(projectId)}/${endpoint}`;

// Coding elsewhere changes every number here: always refetch when a view opens.
export const ANALYSIS_STALE_TIME = 0;
