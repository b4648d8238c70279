import type { AnalysisFilterQuery } from '@kodbok/contracts';

/** The analysis filters an export takes (the Analysis page's, from its URL); empty: no filter. */
export interface ExportFilter {
  coders: readonly string[];
  codes: readonly string[];
  /** "name=value" study attribute filters. */
  attr: readonly string[];
}

export const NO_FILTER: ExportFilter = { coders: [], codes: [], attr: [] };

/**
 * The filters as an export's query takes them: lists comma-joined, each attribute filter a
 * repeated `attr`, empty ones left out. The export's own options follow them.
 */
export function exportFilterQuery(filter: ExportFilter): AnalysisFilterQuery {
  return {
    coders: filter.coders.length > 0 ? filter.coders.join(',') : undefined,
    codes: filter.codes.length > 0 ? filter.codes.join(',') : undefined,
    attr: [...filter.attr],
  };
}
