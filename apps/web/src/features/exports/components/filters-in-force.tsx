import type { ExportFilter } from '../api/export-params';

export interface FilterNames {
  code: (id: string) => string;
  coder: (id: string) => string;
}

/** The filters an export applies, as the Analysis page shows them (read-only here). */
export function FiltersInForce({
  filter,
  names,
  excerpts,
}: {
  filter: ExportFilter;
  names: FilterNames;
  excerpts: number | undefined;
}) {
  const chips = [
    ...filter.coders.map((id) => `Coder: ${names.coder(id)}`),
    ...filter.codes.map((id) => `Code: ${names.code(id)} and its codes`),
    ...filter.attr.map((a) => a.replace('=', ' = ')),
  ];
  return (
    <section className="export-filters" aria-labelledby="export-filters-title">
      <h3 id="export-filters-title">Filters in force</h3>
      {chips.length === 0 ? (
        <p className="export-muted">None: all coders’ coding of every study you can see.</p>
      ) : (
        <ul className="chips" aria-label="Filters in force">
          {chips.map((label) => (
            <li key={label} className="chip export-chip">
              {label}
            </li>
          ))}
        </ul>
      )}
      <p className="export-muted">
        {excerpts === undefined
          ? 'Counting excerpts…'
          : `${excerpts.toLocaleString('en')} ${excerpts === 1 ? 'excerpt' : 'excerpts'} in this selection.`}{' '}
        Change the filters on the Analysis page.
      </p>
    </section>
  );
}

/** Names for a page without filters (the Studies page): nothing to name. */
export const NO_NAMES: FilterNames = { code: (id) => id, coder: (id) => id };
