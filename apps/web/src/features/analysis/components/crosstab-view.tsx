import { depthsOf, heatLevel, parentsOf } from '@kodbok/core';
import { FormError } from '../../../components/form-error';
import { SkeletonRows } from '../../../components/skeleton';
import type { AnalysisFilter } from '../api/analysis-params';
import { useCrosstab } from '../api/get-crosstab';
import { percent } from '../lib/sort';
import { ExportButton } from './export-button';

interface Props {
  projectId: string;
  filter: AnalysisFilter;
  attribute: string | null;
}

/** Codes × the values of one study attribute: studies with the code, and their share of the group. */
export function CrosstabView({ projectId, filter, attribute }: Props) {
  const query = useCrosstab(projectId, filter, attribute);
  if (!attribute)
    return (
      <p className="empty">Choose a study attribute (for example country) to compare its groups.</p>
    );
  if (query.isPending) return <SkeletonRows count={8} label="Cross-tabulating" />;
  if (query.error) return <FormError error={query.error} />;
  const data = query.data;
  const depth = depthsOf(data.codes);
  const themes = parentsOf(data.codes);
  // An attribute with hundreds of values (free text) would make a wall of columns: show the
  // largest groups; the CSV export has them all.
  const shown = data.groups.length > MAX_GROUPS ? largest(data.groups) : null;
  const groups = shown ? data.groups.filter((g) => shown.has(g.value)) : data.groups;
  const csv = () => [
    [
      'code',
      ...data.groups.flatMap((g) => [
        `${g.value ?? '(none)'} studies`,
        `${g.value ?? '(none)'} share`,
      ]),
    ],
    ...data.codes.map((c) => [c.name, ...c.cells.flatMap((x) => [x.studies, x.studyShare])]),
  ];
  return (
    <>
      <ExportButton filename={`crosstab-${data.attribute}.csv`} rows={csv} />
      {shown && (
        <p className="muted">
          Showing the {MAX_GROUPS} largest of {data.groups.length} values of {data.attribute}; the
          export has every one.
        </p>
      )}
      <div className="table-scroll" aria-busy={query.isPlaceholderData}>
        <table className="table analysis-table crosstab">
          <caption className="analysis-caption">
            Studies with each code by {data.attribute}, and their share of the group
          </caption>
          <thead>
            <tr>
              <th scope="col">Code</th>
              {groups.map((g) => (
                <th key={g.value ?? ''} scope="col" className="num">
                  {g.value ?? `No ${data.attribute}`}
                  <span className="group-size">
                    {' '}
                    ({g.studies} {g.studies === 1 ? 'study' : 'studies'})
                  </span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.codes.map((code) => (
              <tr key={code.codeId} className={themes.has(code.codeId) ? 'theme-row' : undefined}>
                <th
                  scope="row"
                  className="code-cell"
                  style={{ paddingInlineStart: `${0.6 + (depth.get(code.codeId) ?? 0) * 1.25}rem` }}
                >
                  {code.name}
                </th>
                {code.cells
                  .filter((cell) => !shown || shown.has(cell.value))
                  .map((cell) => (
                    <td
                      key={cell.value ?? ''}
                      className={`num heat-${heatLevel(cell.studyShare ?? 0, 1)}`}
                    >
                      {cell.studies} <span className="share">({percent(cell.studyShare)})</span>
                    </td>
                  ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

const MAX_GROUPS = 30;

function largest(groups: Array<{ value: string | null; studies: number }>) {
  const top = [...groups].sort((a, b) => b.studies - a.studies).slice(0, MAX_GROUPS);
  return new Set(top.map((g) => g.value));
}
