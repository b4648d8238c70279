import { useMemo } from 'react';
import type { Cooccurrence, CooccurrenceMode } from '@kodbok/contracts';
import { heatLevel, parentsOf } from '@kodbok/core';
import { FormError } from '../../../components/form-error';
import { SkeletonRows } from '../../../components/skeleton';
import type { AnalysisFilter } from '../api/analysis-params';
import { useCooccurrence } from '../api/get-cooccurrence';
import type { CellTarget } from './excerpts-drawer';
import { ExportButton } from './export-button';
import { onGridKeyDown } from '../lib/grid-keys';

// A readable heatmap, not a wall: beyond this many codes, ask for a code filter.
const MAX_CODES = 40;

interface Props {
  projectId: string;
  filter: AnalysisFilter;
  mode: CooccurrenceMode;
  onOpenCell: (cell: CellTarget) => void;
}

/** Codes × codes: how often two codes meet on a highlight, overlapping highlights or a document. */
export function CooccurrenceView({ projectId, filter, mode, onOpenCell }: Props) {
  const query = useCooccurrence(projectId, filter, mode);
  const counts = useMemo(() => pairIndex(query.data), [query.data]);
  if (query.isPending) return <SkeletonRows count={8} label="Counting co-occurrences" />;
  if (query.error) return <FormError error={query.error} />;
  const used = query.data.codes.filter((c) => counts.has(`${c.codeId} ${c.codeId}`));
  const codes = used.slice(0, MAX_CODES);
  if (codes.length === 0)
    return <p className="empty">No coded passages match these filters yet.</p>;
  const themes = parentsOf(query.data.codes);
  const max = Math.max(1, ...query.data.pairs.filter((p) => p.a !== p.b).map((p) => p.count));
  return (
    <>
      {used.length > codes.length && (
        <p className="muted">
          Showing the first {codes.length} of {used.length} codes in use; filter by code or theme to
          choose others.
        </p>
      )}
      <ExportButton
        filename={`cooccurrence-${mode}.csv`}
        rows={() => [
          ['code', ...codes.map((c) => c.name)],
          ...codes.map((r) => [
            r.name,
            ...codes.map((c) => counts.get(`${r.codeId} ${c.codeId}`) ?? 0),
          ]),
        ]}
      />
      <div className="table-scroll matrix-scroll" aria-busy={query.isPlaceholderData}>
        <table className="matrix cooccurrence" onKeyDown={onGridKeyDown}>
          <caption className="visually-hidden">
            Co-occurrence of codes; the diagonal counts each code alone
          </caption>
          <thead>
            <tr>
              <th scope="col" className="corner">
                Code
              </th>
              {codes.map((c) => (
                <th key={c.codeId} scope="col" className="study-head">
                  <span>{c.name}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {codes.map((row) => (
              <tr key={row.codeId} className={themes.has(row.codeId) ? 'theme-row' : undefined}>
                <th scope="row" className="code-cell">
                  {row.name}
                </th>
                {codes.map((col) => {
                  const n = counts.get(`${row.codeId} ${col.codeId}`) ?? 0;
                  const diagonal = row.codeId === col.codeId;
                  return (
                    <td
                      key={col.codeId}
                      className={diagonal ? 'diagonal' : `heat-${heatLevel(n, max)}`}
                    >
                      {n > 0 && (
                        <button
                          type="button"
                          className="cell-button"
                          aria-label={
                            diagonal ? `${row.name}: ${n}` : `${row.name} with ${col.name}: ${n}`
                          }
                          onClick={() =>
                            onOpenCell(
                              diagonal
                                ? { codeId: row.codeId, codeName: row.name }
                                : {
                                    codeId: row.codeId,
                                    codeName: row.name,
                                    otherCodeId: col.codeId,
                                    otherCodeName: col.name,
                                    allCodes: mode === 'highlight',
                                  },
                            )
                          }
                        >
                          {n}
                        </button>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function pairIndex(data: Cooccurrence | undefined) {
  const map = new Map<string, number>();
  for (const p of data?.pairs ?? []) {
    map.set(`${p.a} ${p.b}`, p.count);
    map.set(`${p.b} ${p.a}`, p.count);
  }
  return map;
}
