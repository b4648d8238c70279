import { useMemo, useRef, useState } from 'react';
import type { Matrix } from '@kodbok/contracts';
import { heatLevel } from '@kodbok/core';
import { FormError } from '../../../components/form-error';
import { SkeletonRows } from '../../../components/skeleton';
import type { AnalysisFilter } from '../api/analysis-params';
import { useMatrix } from '../api/get-matrix';
import { useVirtualRows } from '../hooks/use-virtual-rows';
import { depthsOf, parentsOf } from '../lib/code-depth';
import { citation, groupRuns } from '../lib/matrix-columns';
import type { CellTarget } from './excerpts-drawer';
import { ExportButton } from './export-button';

const PAGE = 50;
const ROW = 30;

interface Props {
  projectId: string;
  filter: AnalysisFilter;
  groupBy: string | null;
  ticks: boolean;
  onOpenCell: (cell: CellTarget) => void;
}

/** Themes and codes × studies, a page of study columns at a time, cells as a heatmap with numbers. */
export function MatrixView({ projectId, filter, groupBy, ticks, onOpenCell }: Props) {
  const [offset, setOffset] = useState(0);
  const query = useMatrix(projectId, filter, { groupBy, offset, limit: PAGE });
  const scrollRef = useRef<HTMLDivElement>(null);
  const data = query.data;
  const { items, before, after } = useVirtualRows(data?.codes.length ?? 0, scrollRef, ROW);
  const cells = useMemo(() => cellIndex(data), [data]);
  // One scale for the page, so equal numbers look equal in every row.
  const max = useMemo(() => Math.max(1, ...cells.values()), [cells]);
  const depth = useMemo(() => depthsOf(data?.codes ?? []), [data]);
  const themes = useMemo(() => parentsOf(data?.codes ?? []), [data]);

  if (query.isPending) return <SkeletonRows count={8} label="Building the matrix" />;
  if (query.error) return <FormError error={query.error} />;
  if (!data || data.codes.length === 0 || data.studies.length === 0) {
    return <p className="empty">Nothing to show yet — the matrix needs codes and studies.</p>;
  }
  const last = data.offset + data.studies.length;
  return (
    <>
      <nav className="pager" aria-label="Study columns">
        <button
          type="button"
          className="button button-small"
          disabled={data.offset === 0}
          onClick={() => setOffset(Math.max(0, data.offset - PAGE))}
        >
          ← Previous studies
        </button>
        <span className="muted" aria-live="polite">
          Studies {data.offset + 1}–{last} of {data.totalStudies}
        </span>
        <button
          type="button"
          className="button button-small"
          disabled={data.nextOffset === null}
          onClick={() => data.nextOffset !== null && setOffset(data.nextOffset)}
        >
          Next studies →
        </button>
        <ExportButton filename="matrix.csv" rows={() => matrixCsv(data, cells)} />
      </nav>
      <div
        className="analysis-scroll matrix-scroll"
        ref={scrollRef}
        aria-busy={query.isPlaceholderData}
      >
        <table className="matrix">
          <caption className="visually-hidden">
            Highlights per code and study; select a cell to read its excerpts
          </caption>
          <MatrixHead data={data} />
          <tbody>
            {before > 0 && <tr aria-hidden="true" style={{ height: before }} />}
            {items.map((item) => {
              const code = data.codes[item.index]!;
              return (
                <tr key={code.codeId} className={themes.has(code.codeId) ? 'theme-row' : undefined}>
                  <th
                    scope="row"
                    className="code-cell"
                    style={{
                      paddingInlineStart: `${0.5 + (depth.get(code.codeId) ?? 0) * 1.1}rem`,
                    }}
                  >
                    {code.name}
                  </th>
                  {data.studies.map((study) => {
                    const n = cells.get(`${code.codeId} ${study.id}`) ?? 0;
                    return (
                      <td key={study.id} className={`heat-${heatLevel(n, max)}`}>
                        {n > 0 && (
                          <button
                            type="button"
                            className="cell-button"
                            aria-label={`${code.name} in ${citation(study)}: ${n} highlight${n === 1 ? '' : 's'}`}
                            onClick={() =>
                              onOpenCell({
                                codeId: code.codeId,
                                codeName: code.name,
                                studyId: study.id,
                                studyLabel: citation(study),
                              })
                            }
                          >
                            {ticks ? '✓' : n}
                          </button>
                        )}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
            {after > 0 && <tr aria-hidden="true" style={{ height: after }} />}
          </tbody>
        </table>
      </div>
    </>
  );
}

function MatrixHead({ data }: { data: Matrix }) {
  const runs = groupRuns(data.studies);
  return (
    <thead>
      {data.groupBy && (
        <tr>
          <td className="corner" />
          {runs.map((run, i) => (
            <th key={i} scope="colgroup" colSpan={run.span} className="group-head">
              {run.value ?? `No ${data.groupBy}`}
            </th>
          ))}
        </tr>
      )}
      <tr>
        <th scope="col" className="corner">
          Code
        </th>
        {data.studies.map((s) => (
          <th key={s.id} scope="col" className="study-head" title={s.title}>
            <span>{citation(s)}</span>
          </th>
        ))}
      </tr>
    </thead>
  );
}

function cellIndex(data: Matrix | undefined) {
  const map = new Map<string, number>();
  for (const code of data?.codes ?? [])
    for (const c of code.cells) map.set(`${code.codeId} ${c.studyId}`, c.highlights);
  return map;
}

function matrixCsv(data: Matrix, cells: Map<string, number>) {
  return [
    ['code', ...data.studies.map(citation)],
    ...data.codes.map((c) => [
      c.name,
      ...data.studies.map((s) => cells.get(`${c.codeId} ${s.id}`) ?? 0),
    ]),
  ];
}
