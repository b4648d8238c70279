import { memo, type ReactNode } from 'react';
import type { Matrix } from '@kodbok/contracts';
import { heatLevel } from '@kodbok/core';
import { citation, groupRuns } from '../lib/matrix-columns';
import type { CellTarget } from './excerpts-drawer';

export const PAGE = 50;

/** Study columns, under a row of group headers when the studies are grouped by an attribute. */
export function MatrixHead({ data }: { data: Matrix }) {
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

interface RowProps {
  code: Matrix['codes'][number];
  studies: Matrix['studies'];
  cells: Map<string, number>;
  max: number;
  ticks: boolean;
  theme: boolean;
  depth: number;
  onOpenCell: (cell: CellTarget) => void;
}

/** Memoised: while scrolling, rows that stay in view are not rendered again. */
export const MatrixRow = memo(function MatrixRow({
  code,
  studies,
  cells,
  max,
  ticks,
  theme,
  depth,
  onOpenCell,
}: RowProps) {
  return (
    <tr className={theme ? 'theme-row' : undefined}>
      <th
        scope="row"
        className="code-cell"
        style={{ paddingInlineStart: `${0.5 + depth * 1.1}rem` }}
      >
        {code.name}
      </th>
      {studies.map((study) => {
        const n = cells.get(`${code.codeId} ${study.id}`) ?? 0;
        const label = citation(study);
        return (
          <td key={study.id} className={`heat-${heatLevel(n, max)}`}>
            {n > 0 && (
              <button
                type="button"
                className="cell-button"
                aria-label={`${code.name} in ${label}: ${n} highlight${n === 1 ? '' : 's'}`}
                onClick={() =>
                  onOpenCell({
                    codeId: code.codeId,
                    codeName: code.name,
                    studyId: study.id,
                    studyLabel: label,
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
});

export function Pager({
  data,
  onOffset,
  children,
}: {
  data: Matrix;
  onOffset: (offset: number) => void;
  children: ReactNode;
}) {
  return (
    <nav className="pager" aria-label="Study columns">
      <button
        type="button"
        className="button button-small"
        disabled={data.offset === 0}
        onClick={() => onOffset(Math.max(0, data.offset - PAGE))}
      >
        ← Previous studies
      </button>
      <span className="muted" aria-live="polite">
        Studies {data.offset + 1}–{data.offset + data.studies.length} of {data.totalStudies}
      </span>
      <button
        type="button"
        className="button button-small"
        disabled={data.nextOffset === null}
        onClick={() => data.nextOffset !== null && onOffset(data.nextOffset)}
      >
        Next studies →
      </button>
      {children}
    </nav>
  );
}
