import { useMemo, useRef } from 'react';
import { FormError } from '../../../components/form-error';
import { SkeletonRows } from '../../../components/skeleton';
import { useVirtualRows } from '../../../hooks/use-virtual-rows';
import { GRID_PAGE, useAgreementGrid } from '../api/get-agreement-grid';
import type { AgreementParams } from '../hooks/use-agreement-params';
import { buildGrid, coderMarks } from '../lib/grid-rows';
import { GridBar, GridPager } from './grid-bar';
import { GridRowView, ROW_HEIGHT } from './grid-row';
import { onGridKeyDown } from './grid-keys';
import { isForbidden, SupervisorsOnly } from './supervisors-only';

/**
 * Studies × codes, a page of studies at a time: who applied each code in each study, what is
 * left to resolve, which studies are reconciled. A study or a cell opens its review.
 */
export function AgreementGridView({
  projectId,
  params,
}: {
  projectId: string;
  params: AgreementParams;
}) {
  const query = useAgreementGrid(projectId, params.scope, {
    only: params.only,
    offset: params.offset,
    limit: GRID_PAGE,
  });
  const disputedOnly = params.only === 'disagreements';
  const view = useMemo(
    () => (query.data ? buildGrid(query.data, disputedOnly) : null),
    [query.data, disputedOnly],
  );
  const marks = useMemo(() => coderMarks(query.data?.coders ?? []), [query.data]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const { items, before, after } = useVirtualRows(view?.rows.length ?? 0, scrollRef, ROW_HEIGHT);

  if (isForbidden(query.error)) return <SupervisorsOnly />;
  if (query.isPending) return <SkeletonRows count={8} label="Building the grid" />;
  if (query.error) return <FormError error={query.error} />;
  if (!view) return null;
  const grid = query.data;
  return (
    <div className="ag-grid-view" aria-busy={query.isPlaceholderData}>
      <GridBar
        grid={grid}
        marks={marks}
        only={params.only}
        onOnly={(only) => params.set('only', only)}
      />
      <GridPager grid={grid} onOffset={(offset) => params.set('offset', String(offset))} />
      {view.rows.length === 0 ? (
        <p className="empty">
          {grid.summary.studies === 0
            ? 'No studies to compare yet: the chosen coders have not coded or been assigned the same studies.'
            : params.only === 'disagreements'
              ? 'No disagreements: the chosen coders applied the same codes in every study.'
              : 'Every study is reconciled.'}
        </p>
      ) : (
        <div className="ag-grid-scroll" ref={scrollRef}>
          <table className="ag-grid" onKeyDown={onGridKeyDown}>
            <caption className="visually-hidden">
              Which of the chosen coders applied each code in each study; select a study or a cell
              to review its disagreements
            </caption>
            <thead>
              <tr>
                <th scope="col" className="ag-corner">
                  Study
                </th>
                <th scope="col" className="ag-count-head">
                  To resolve
                </th>
                <th scope="col" className="ag-count-head">
                  Reconciled
                </th>
                {view.codes.map((c) => (
                  <th key={c.codeId} scope="col" className="ag-code-head" title={c.name}>
                    <span>{c.name}</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {before > 0 && <tr aria-hidden="true" style={{ height: before }} />}
              {items.map((item) => {
                const row = view.rows[item.index]!;
                return (
                  <GridRowView
                    key={row.study.id}
                    row={row}
                    codes={view.codes}
                    coders={grid.coders}
                    marks={marks}
                    projectId={projectId}
                    scope={params.scope}
                  />
                );
              })}
              {after > 0 && <tr aria-hidden="true" style={{ height: after }} />}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
