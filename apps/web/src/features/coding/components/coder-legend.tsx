import { useCoding } from '../hooks/coding-context';
import { stripeBackground } from '../lib/coder-marks';

const PATTERN_NAMES = {
  solid: 'solid stripes',
  dashed: 'dashed stripes',
  dotted: 'dotted stripes',
  'dash-dot': 'dash-dot stripes',
} as const;

/** Which mark is whose, when several coders' coding is on screen. */
export function CoderLegend() {
  const { legend } = useCoding();
  if (!legend) return null;
  if (legend.length === 0)
    return <p className="coder-legend muted">No one has coded this document yet.</p>;
  return (
    <ul className="coder-legend" aria-label="Coders shown and their marks">
      {legend.map((entry) => (
        <li key={entry.coderId}>
          <span className="coder-badge" aria-hidden="true">
            {entry.initials}
          </span>
          <span
            className="coder-legend-stripe"
            aria-hidden="true"
            style={{ background: stripeBackground('var(--color-text)', entry.pattern) }}
          />
          <span>
            {entry.name}
            <span className="visually-hidden">
              : marked {entry.initials}, {PATTERN_NAMES[entry.pattern]},
            </span>{' '}
            <span className="muted count">
              {entry.highlights}
              <span className="visually-hidden">
                {entry.highlights === 1 ? ' highlight' : ' highlights'}
              </span>
            </span>
          </span>
        </li>
      ))}
    </ul>
  );
}
