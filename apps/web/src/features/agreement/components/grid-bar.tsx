import type { AgreementGrid } from '@kodbok/contracts';
import { GRID_PAGE, type GridFilter } from '../api/get-agreement-grid';

const FILTERS: ReadonlyArray<[GridFilter | null, string]> = [
  [null, 'All studies'],
  ['disagreements', 'With disagreements'],
  ['unreconciled', 'Not reconciled'],
];

/** Progress over every study, which studies to list, and what the cell marks mean. */
export function GridBar({
  grid,
  marks,
  only,
  onOnly,
}: {
  grid: AgreementGrid;
  marks: ReadonlyMap<string, string>;
  only: GridFilter | null;
  onOnly: (only: GridFilter | null) => void;
}) {
  const { summary } = grid;
  return (
    <div className="ag-grid-bar">
      <div className="ag-progress">
        <span id="agreement-progress">
          <strong className="num">{summary.reconciled}</strong> of{' '}
          <span className="num">{summary.studies}</span>{' '}
          {summary.studies === 1 ? 'study' : 'studies'} reconciled
        </span>
        <progress
          aria-labelledby="agreement-progress"
          value={summary.reconciled}
          max={Math.max(summary.studies, 1)}
        />
        <span className="muted">{summary.withDisagreements} with disagreements</span>
      </div>
      <fieldset className="ag-radio-group">
        <legend>Show</legend>
        {FILTERS.map(([value, label]) => (
          <label key={label}>
            <input
              type="radio"
              name="grid-only"
              checked={only === value}
              onChange={() => onOnly(value)}
            />
            {label}
          </label>
        ))}
      </fieldset>
      <ul className="ag-legend" aria-label="Cell marks">
        <li>
          <span className="ag-cell-sample ag-cell-agree" aria-hidden="true">
            ✓
          </span>
          every coder applied it
        </li>
        {grid.coders.map((c) => (
          <li key={c.id}>
            <span className="ag-cell-sample ag-cell-some" aria-hidden="true">
              {marks.get(c.id)}
            </span>
            {c.name}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Previous and next page of studies, and where this page lies. */
export function GridPager({
  grid,
  onOffset,
}: {
  grid: AgreementGrid;
  onOffset: (offset: number) => void;
}) {
  if (grid.offset === 0 && grid.nextOffset === null) return null;
  return (
    <nav className="ag-pager" aria-label="Pages of studies">
      <button
        type="button"
        className="button button-small"
        disabled={grid.offset === 0}
        onClick={() => onOffset(Math.max(0, grid.offset - GRID_PAGE))}
      >
        ← Previous studies
      </button>
      <span className="muted" aria-live="polite">
        Studies {grid.offset + 1}–{grid.offset + grid.studies.length} of {grid.totalStudies}
      </span>
      <button
        type="button"
        className="button button-small"
        disabled={grid.nextOffset === null}
        onClick={() => grid.nextOffset !== null && onOffset(grid.nextOffset)}
      >
        Next studies →
      </button>
    </nav>
  );
}
