import { depthsOf, parentsOf } from '@kodbok/core';
import { useMemo, useRef, useState } from 'react';
import type { Matrix } from '@kodbok/contracts';
import { FormError } from '../../../components/form-error';
import { SkeletonRows } from '../../../components/skeleton';
import type { AnalysisFilter } from '../api/analysis-params';
import { useMatrix } from '../api/get-matrix';
import { useVirtualRows } from '../../../hooks/use-virtual-rows';
import { citation } from '../lib/matrix-columns';
import { MatrixHead, MatrixRow, Pager, PAGE } from './matrix-parts';
import type { CellTarget } from './excerpts-drawer';
import { ExportButton } from './export-button';
import { onGridKeyDown } from '../lib/grid-keys';

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
  return (
    <>
      <Pager data={data} onOffset={setOffset}>
        <ExportButton filename="matrix.csv" rows={() => matrixCsv(data, cells)} />
      </Pager>
      <div
        className="table-scroll matrix-scroll"
        ref={scrollRef}
        aria-busy={query.isPlaceholderData}
      >
        <table className="matrix" onKeyDown={onGridKeyDown}>
          <caption className="visually-hidden">
            Highlights per code and study; select a cell to read its excerpts
          </caption>
          <MatrixHead data={data} />
          <tbody>
            {before > 0 && <tr aria-hidden="true" style={{ height: before }} />}
            {items.map((item) => {
              const code = data.codes[item.index]!;
              return (
                <MatrixRow
                  key={code.codeId}
                  code={code}
                  studies={data.studies}
                  cells={cells}
                  max={max}
                  ticks={ticks}
                  theme={themes.has(code.codeId)}
                  depth={depth.get(code.codeId) ?? 0}
                  onOpenCell={onOpenCell}
                />
              );
            })}
            {after > 0 && <tr aria-hidden="true" style={{ height: after }} />}
          </tbody>
        </table>
      </div>
    </>
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
