import { useMemo, useRef, useState } from 'react';
import type { Frequencies } from '@kodbok/contracts';
import { FormError } from '../../../components/form-error';
import { SkeletonRows } from '../../../components/skeleton';
import type { AnalysisFilter } from '../api/analysis-params';
import { useFrequencies } from '../api/get-frequencies';
import { useVirtualRows } from '../../../hooks/use-virtual-rows';
import { depthsOf, nextSort, parentsOf, sortRows, type SortState } from '@kodbok/core';
import { percent } from '../lib/sort';
import { SortHeader } from '../../../components/sort-header';
import { ExportButton } from './export-button';

type Row = Frequencies['codes'][number];
type Key = 'name' | 'highlights' | 'documents' | 'studies' | 'studyShare';
const ROW = 30;

/** Every theme and code with its highlights, documents and studies; bars show the share of studies. */
export function FrequenciesView({
  projectId,
  filter,
}: {
  projectId: string;
  filter: AnalysisFilter;
}) {
  const query = useFrequencies(projectId, filter);
  const [sort, setSort] = useState<SortState<Key>>({ key: null, direction: 'ascending' });
  const rows = useMemo(
    () => sortRows(query.data?.codes ?? [], sort, (r, k) => (k === 'name' ? r.name : (r[k] ?? -1))),
    [query.data, sort],
  );
  const depth = useMemo(() => depthsOf(query.data?.codes ?? []), [query.data]);
  const themes = useMemo(() => parentsOf(query.data?.codes ?? []), [query.data]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const { items, before, after } = useVirtualRows(rows.length, scrollRef, ROW);

  if (query.isPending) return <SkeletonRows count={8} label="Counting" />;
  if (query.error) return <FormError error={query.error} />;
  if (rows.length === 0)
    return <p className="empty">No codes yet — create codes and code some passages first.</p>;
  const header = (key: Key, label: string, numeric = true) => (
    <SortHeader
      label={label}
      sortKey={key}
      sort={sort}
      numeric={numeric}
      onSort={() => setSort(nextSort(sort, key, numeric))}
    />
  );
  const csv = () => [
    ['code', 'highlights', 'documents', 'studies', 'studyShare'],
    ...rows.map((r) => [r.name, r.highlights, r.documents, r.studies, r.studyShare]),
  ];
  return (
    <>
      <ExportButton filename="frequencies.csv" rows={csv} />
      <div className="table-scroll" ref={scrollRef} aria-busy={query.isPlaceholderData}>
        <table className="table analysis-table">
          <caption className="analysis-caption">
            Frequencies across {query.data.totalStudies}{' '}
            {query.data.totalStudies === 1 ? 'study' : 'studies'}
            {sort.key === null ? ', in codebook order' : ''}
          </caption>
          <thead>
            <tr>
              {header('name', 'Code', false)}
              {header('highlights', 'Highlights')}
              {header('documents', 'Documents')}
              {header('studies', 'Studies')}
              {header('studyShare', 'Share of studies')}
            </tr>
          </thead>
          <tbody>
            {before > 0 && <tr aria-hidden="true" style={{ height: before }} />}
            {items.map((item) => {
              const row = rows[item.index]!;
              return (
                <FrequencyRow
                  key={row.codeId}
                  row={row}
                  indent={sort.key === null ? (depth.get(row.codeId) ?? 0) : 0}
                  theme={themes.has(row.codeId)}
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

function FrequencyRow({ row, indent, theme }: { row: Row; indent: number; theme: boolean }) {
  return (
    <tr className={theme ? 'theme-row' : undefined}>
      <th
        scope="row"
        className="code-cell"
        style={{ paddingInlineStart: `${0.6 + indent * 1.25}rem` }}
      >
        {row.name}
      </th>
      <td className="num">{row.highlights}</td>
      <td className="num">{row.documents}</td>
      <td className="num">{row.studies}</td>
      <td>
        <div className="bar-cell">
          <span className="bar-track" aria-hidden="true">
            <span className="bar" style={{ width: `${(row.studyShare ?? 0) * 100}%` }} />
          </span>
          <span className="num bar-label">{percent(row.studyShare)}</span>
        </div>
      </td>
    </tr>
  );
}
