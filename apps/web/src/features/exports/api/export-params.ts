/** The analysis filters an export takes (the Analysis page's, from its URL); empty: no filter. */
export interface ExportFilter {
  coders: readonly string[];
  codes: readonly string[];
  /** "name=value" study attribute filters. */
  attr: readonly string[];
}

export const NO_FILTER: ExportFilter = { coders: [], codes: [], attr: [] };

/** The query string of an export: the filters, then the export's own options. */
export function exportQuery(
  filter: ExportFilter,
  options: Record<string, string | undefined> = {},
): string {
  const params = new URLSearchParams();
  if (filter.coders.length > 0) params.set('coders', filter.coders.join(','));
  if (filter.codes.length > 0) params.set('codes', filter.codes.join(','));
  for (const a of filter.attr) params.append('attr', a);
  for (const [k, v] of Object.entries(options)) if (v !== undefined) params.set(k, v);
  const s = params.toString();
  return s ? `?${s}` : '';
}

export const exportPath = (projectId: string, file: string) =>
  `/api/projects/${encodeURIComponent(projectId)}/exports/${file}`;
