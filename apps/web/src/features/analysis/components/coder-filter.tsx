import { CONSENSUS_CODER_ID } from '@kodbok/contracts';
import type { AnalysisParams } from '../hooks/use-analysis-filter';
import { useDetailsPopover } from '../hooks/use-details-popover';
import type { CoderOption } from './filter-bar';

/**
 * Whose coding to count: all coders (nothing ticked), the ticked ones, or the consensus — the
 * project's agreed coding (`coders=consensus`), which can also be ticked beside coders.
 */
export function CoderFilter({
  analysis,
  coders,
}: {
  analysis: AnalysisParams;
  coders: readonly CoderOption[];
}) {
  const { detailsRef, summaryRef, open, onToggle, onKeyDown } = useDetailsPopover();
  const chosen = new Set(analysis.filter.coders);
  const toggle = (id: string) =>
    analysis.setList(
      'coder',
      chosen.has(id) ? [...chosen].filter((c) => c !== id) : [...chosen, id],
    );
  const summary =
    chosen.size === 0
      ? 'all'
      : chosen.size === 1 && chosen.has(CONSENSUS_CODER_ID)
        ? 'Consensus'
        : `${chosen.size} chosen`;
  return (
    <details
      ref={detailsRef}
      className="coder-filter"
      open={open}
      onToggle={onToggle}
      onKeyDown={onKeyDown}
    >
      <summary ref={summaryRef}>Coders: {summary}</summary>
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
        <label className="checkbox">
          <input
            type="checkbox"
            checked={chosen.has(CONSENSUS_CODER_ID)}
            onChange={() => toggle(CONSENSUS_CODER_ID)}
          />
          Consensus (agreed coding)
        </label>
      </fieldset>
    </details>
  );
}
