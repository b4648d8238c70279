import type { AnalysisParams } from '../hooks/use-analysis-filter';
import type { CoderOption } from './filter-bar';

/**
 * Whose coding to count: all coders (nothing ticked), or the ticked ones. The consensus coding
 * will be one more choice here once it exists; the API already reserves coders=consensus.
 */
export function CoderFilter({
  analysis,
  coders,
}: {
  analysis: AnalysisParams;
  coders: readonly CoderOption[];
}) {
  const chosen = new Set(analysis.filter.coders);
  const toggle = (id: string) =>
    analysis.setList(
      'coder',
      chosen.has(id) ? [...chosen].filter((c) => c !== id) : [...chosen, id],
    );
  return (
    <details className="coder-filter">
      <summary>Coders: {chosen.size === 0 ? 'all' : `${chosen.size} of ${coders.length}`}</summary>
      <fieldset>
        <legend className="visually-hidden">Count the coding of</legend>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={chosen.size === 0}
            onChange={() => analysis.setList('coder', [])}
          />
          All coders
        </label>
        {coders.map((c) => (
          <label key={c.id} className="checkbox">
            <input type="checkbox" checked={chosen.has(c.id)} onChange={() => toggle(c.id)} />
            {c.name}
          </label>
        ))}
        <label className="checkbox muted">
          <input type="checkbox" disabled checked={false} readOnly />
          Consensus coding (none yet)
        </label>
      </fieldset>
    </details>
  );
}
