import { memo } from 'react';
import { Link } from 'react-router';
import type { AgreementGrid } from '@kodbok/contracts';
import type { AgreementScope } from '../api/agreement-params';
import type { GridRow } from '../lib/grid-rows';
import { reviewPath } from '../lib/urls';

export const ROW_HEIGHT = 32;

interface Props {
  row: GridRow;
  codes: AgreementGrid['codes'];
  coders: AgreementGrid['coders'];
  marks: ReadonlyMap<string, string>;
  projectId: string;
  scope: AgreementScope;
}

/** One study: its label (to the review), what is left, whether reconciled, then a cell per code. */
export const GridRowView = memo(function GridRowView({
  row,
  codes,
  coders,
  marks,
  projectId,
  scope,
}: Props) {
  const { study, label } = row;
  const firstDocument = study.documentIds[0];
  const name = new Map(coders.map((c) => [c.id, c.name]));
  return (
    <tr className={study.reconciled ? 'ag-reconciled' : undefined}>
      <th scope="row" className="ag-study-cell" title={study.title}>
        {firstDocument ? (
          <Link to={reviewPath(projectId, firstDocument, scope)}>{label}</Link>
        ) : (
          label
        )}
      </th>
      <td className="num ag-count">{study.disagreements || ''}</td>
      <td className="ag-count">
        {study.reconciled && (
          <span title={`Reconciled by ${study.reconciled.by}`}>
            <span aria-hidden="true">✓</span>
            <span className="visually-hidden">Reconciled by {study.reconciled.by}</span>
          </span>
        )}
      </td>
      {codes.map((code) => {
        const cell = row.cells.get(code.codeId);
        if (!cell) return <td key={code.codeId} />;
        const who = cell.appliedBy.map((id) => name.get(id) ?? 'a former coder');
        const description =
          cell.kind === 'agree' ? 'every coder applied it' : `only ${who.join(' and ')} applied it`;
        return (
          <td key={code.codeId} className={`ag-cell-${cell.kind}`}>
            {firstDocument && (
              <Link
                className="ag-cell-link"
                to={reviewPath(projectId, firstDocument, scope, code.codeId)}
                aria-label={`${code.name} in ${label}: ${description}`}
                title={`${code.name}: ${description}`}
              >
                {cell.kind === 'agree' ? '✓' : cell.appliedBy.map((id) => marks.get(id)).join(' ')}
              </Link>
            )}
          </td>
        );
      })}
    </tr>
  );
});
