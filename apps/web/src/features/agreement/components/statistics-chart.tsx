import type { Agreement } from '@kodbok/contracts';
import { bandEdges, formatStat, STATISTICS, type StatKey } from '../lib/statistics';

interface Props {
  agreement: Agreement;
  stat: StatKey;
  onStat: (stat: StatKey) => void;
}

/**
 * One horizontal bar per code for the chosen statistic, against its band edges: where a
 * glance beats reading the table. Negative values extend left of a zero line.
 */
export function StatisticsChart({ agreement, stat, onStat }: Props) {
  const rows = [
    { id: 'overall', name: 'Overall', value: agreement.overall[stat] },
    ...agreement.codes.map((c) => ({ id: c.codeId, name: c.name, value: c[stat] })),
  ];
  const min = Math.min(0, ...rows.map((r) => r.value ?? 0)) < 0 ? -1 : 0;
  const x = (v: number) => ((v - min) / (1 - min)) * 100;
  const label = STATISTICS.find((s) => s.key === stat)!.label;
  return (
    <figure className="ag-chart">
      <figcaption>
        <label htmlFor="agreement-chart-stat">Chart of</label>{' '}
        <select
          id="agreement-chart-stat"
          value={stat}
          onChange={(e) => onStat(e.target.value as StatKey)}
        >
          {STATISTICS.map((s) => (
            <option key={s.key} value={s.key}>
              {s.label}
            </option>
          ))}
        </select>
        <span className="ag-print-only">{label}</span>{' '}
        <span className="muted">per code{min < 0 ? ', from −1 to 1' : ', from 0 to 1'}</span>
      </figcaption>
      <ul className="ag-bars" aria-label={`${label} per code`}>
        {rows.map((r) => (
          <li key={r.id} className={r.id === 'overall' ? 'ag-bar-row ag-overall' : 'ag-bar-row'}>
            <span className="ag-bar-name" title={r.name}>
              {r.name}
            </span>
            <span className="ag-bar-track" aria-hidden="true">
              {bandEdges(stat).map((edge) => (
                <span key={edge} className="ag-bar-edge" style={{ left: `${x(edge)}%` }} />
              ))}
              {min < 0 && <span className="ag-bar-zero" style={{ left: `${x(0)}%` }} />}
              {r.value !== null && (
                <span
                  className={r.value < 0 ? 'ag-bar ag-bar-negative' : 'ag-bar'}
                  style={{
                    left: `${x(Math.min(0, r.value))}%`,
                    width: `${Math.abs(x(r.value) - x(0))}%`,
                  }}
                />
              )}
            </span>
            <span className="num ag-bar-value">{formatStat(stat, r.value)}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
