import type { Agreement, AgreementStats } from '@kodbok/contracts';
import { formatStat, interpretation, STATISTICS, UNIT_NAMES } from '../lib/statistics';

interface Props {
  agreement: Agreement;
  depth: ReadonlyMap<string, number>;
}

/** Overall and per code: units, agreements and every statistic, "n/a" where undefined. */
export function StatisticsTable({ agreement, depth }: Props) {
  const themes = new Set(agreement.codes.map((c) => c.parentId).filter(Boolean));
  return (
    <div className="ag-table-scroll">
      <table className="table ag-stats-table">
        <caption className="ag-caption">
          Agreement of {agreement.coders.map((c) => c.name).join(', ')} over {agreement.studies}{' '}
          {agreement.studies === 1 ? 'study' : 'studies'} ({agreement.documents}{' '}
          {agreement.documents === 1 ? 'document' : 'documents'}); units are{' '}
          {UNIT_NAMES[agreement.level]}
          {agreement.level === 'segment' && agreement.threshold !== null
            ? `, matched at ${Math.round(agreement.threshold * 100)}% overlap`
            : ''}
          .
        </caption>
        <thead>
          <tr>
            <th scope="col">Code</th>
            <th scope="col" className="num">
              Units
            </th>
            <th scope="col" className="num">
              Agreements
            </th>
            {STATISTICS.map((s) => (
              <th key={s.key} scope="col" className="num">
                {s.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <StatsRow name="Overall (all codes)" stats={agreement.overall} className="ag-overall" />
          {agreement.codes.map((c) => (
            <StatsRow
              key={c.codeId}
              name={c.name}
              stats={c}
              indent={depth.get(c.codeId) ?? 0}
              className={themes.has(c.codeId) ? 'ag-theme-row' : undefined}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function StatsRow({
  name,
  stats,
  indent = 0,
  className,
}: {
  name: string;
  stats: AgreementStats;
  indent?: number;
  className?: string;
}) {
  return (
    <tr className={className}>
      <th
        scope="row"
        className="ag-code-cell"
        style={{ paddingInlineStart: `${0.6 + indent * 1.25}rem` }}
      >
        {name}
      </th>
      <td className="num">{stats.units.toLocaleString()}</td>
      <td className="num">{stats.agreements.toLocaleString()}</td>
      {STATISTICS.map((s) => {
        const band = interpretation(s.key, stats[s.key]);
        return (
          <td key={s.key} className="num ag-stat">
            <span className={stats[s.key] === null ? 'muted' : undefined}>
              {formatStat(s.key, stats[s.key])}
            </span>
            {band && <span className="ag-band">{band}</span>}
          </td>
        );
      })}
    </tr>
  );
}
