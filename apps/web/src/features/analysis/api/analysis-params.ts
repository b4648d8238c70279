import type { AnalysisFilterQuery } from '@kodbok/contracts';

/** The filters every analysis view shares; kept in the URL so links and Back keep them. */
export interface AnalysisFilter {
  /** Empty: all coders. */
  coders: readonly string[];
  /** Empty: every code. */
  codes: readonly string[];
  /** "name=value" study attribute filters. */
  attr: readonly string[];
}

/**
 * The filters as the analysis endpoints take them (packages/contracts/src/analysis.ts): lists
 * comma-joined, each attribute filter a repeated `attr`, empty ones left out.
 */
export function filterQuery(filter: AnalysisFilter): AnalysisFilterQuery {
  return {
    coders: filter.coders.length > 0 ? filter.coders.join(',') : undefined,
    codes: filter.codes.length > 0 ? filter.codes.join(',') : undefined,
    attr: [...filter.attr],
  };
}

// Coding elsewhere changes every number here: always refetch when a view opens.
export const ANALYSIS_STALE_TIME = 0;
