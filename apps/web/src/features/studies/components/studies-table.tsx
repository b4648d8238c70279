import { useMemo, useRef, useState } from 'react';
import { nextSort, sortRows, type SortState } from '@kodbok/core';
import { Link } from 'react-router';
import type { Study } from '@kodbok/contracts';
import { FormError } from '../../../components/form-error';
import { SkeletonRows } from '../../../components/skeleton';
import { SortHeader } from '../../../components/sort-header';
import { useVirtualRows } from '../../../hooks/use-virtual-rows';
import { useDebouncedValue } from '../hooks/use-debounced-value';
import { useStudies } from '../api/get-studies';
import { firstAuthorSurname } from '../utils/study-label';

/** Rows are one line high (titles are cut with an ellipsis), so only those in view are rendered. */
const ROW = 30;
type Column = 'title' | 'author' | 'year' | 'coding';
const sortValue = (study: Study, column: Column): string | number => {
  if (column === 'title') return study.title;
  if (column === 'author') return firstAuthorSurname(study) ?? '';
  if (column === 'year') return study.year ?? -1;
  return study.myHighlights;
};

const EMPTY_TEXT = 'No studies yet — import a RIS, BibTeX, PubMed or CSV file, or paste a text';

/** Checkboxes on the rows, for changing many studies at once; absent for read-only members. */
export interface StudySelection {
  selected: ReadonlySet<string>;
  onChange: (next: Set<string>) => void;
}

/**
 * The project's studies, searched by title on the server ~200 ms after typing stops. A review may
 * hold ten thousand studies: the rows are virtualised inside a scrolling box.
 */
export function StudiesTable({
  projectId,
  search,
  selection,
}: {
  projectId: string;
  search: string;
  selection?: StudySelection;
}) {
  const q = useDebouncedValue(search.trim(), 200);
  const studies = useStudies(projectId, q, { keepPrevious: true });
  const [sort, setSort] = useState<SortState<Column>>({ key: 'title', direction: 'ascending' });
  const rows = useMemo(() => sortRows(studies.data ?? [], sort, sortValue), [studies.data, sort]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const { items, before, after } = useVirtualRows(rows.length, scrollRef, ROW);

  if (studies.isPending) return <SkeletonRows count={6} label="Loading studies" />;
  if (studies.error) return <FormError error={studies.error} />;
  if (studies.data.length === 0) {
    return <p className="empty">{q ? `No study title contains “${q}”.` : EMPTY_TEXT}</p>;
  }
  const header = (column: Column, label: string, numeric: boolean) => (
    <SortHeader
      label={label}
      sortKey={column}
      sort={sort}
      numeric={numeric}
      onSort={() => {
        setSort(nextSort(sort, column, numeric));
        // A new order starts at its top, not wherever the old one was scrolled to.
        scrollRef.current?.scrollTo({ top: 0 });
      }}
    />
  );
  return (
    <>
      <p className="table-count" aria-live="polite">
        {countLabel(rows.length, q)}
      </p>
      <div className="table-scroll" ref={scrollRef}>
        <table
          className="table"
          aria-busy={studies.isPlaceholderData}
          aria-rowcount={rows.length + 1}
        >
          <caption className="visually-hidden">Studies</caption>
          <thead>
            <tr aria-rowindex={1}>
              {selection && (
                <th scope="col" className="select-cell">
                  <SelectAll studies={studies.data} selection={selection} />
                </th>
              )}
              {header('title', 'Title', false)}
              {header('author', 'First author', false)}
              {header('year', 'Year', true)}
              {header('coding', 'My coding', true)}
            </tr>
          </thead>
          <tbody>
            {before > 0 && <tr aria-hidden="true" style={{ height: before }} />}
            {items.map(({ index }) => (
              <StudyRow
                key={rows[index]!.id}
                projectId={projectId}
                study={rows[index]!}
                rowIndex={index + 2}
                selection={selection}
              />
            ))}
            {after > 0 && <tr aria-hidden="true" style={{ height: after }} />}
          </tbody>
        </table>
      </div>
    </>
  );
}

function countLabel(n: number, q: string): string {
  const studies = `${n.toLocaleString('en')} ${n === 1 ? 'study' : 'studies'}`;
  return q ? `${studies} with “${q}” in the title` : studies;
}

function StudyRow({
  projectId,
  study,
  rowIndex,
  selection,
}: {
  projectId: string;
  study: Study;
  /** 1-based among all rows, the header being 1: screen readers announce "row 57 of 10,001". */
  rowIndex: number;
  selection?: StudySelection;
}) {
  const checked = selection?.selected.has(study.id) ?? false;
  return (
    <tr aria-rowindex={rowIndex}>
      {selection && (
        <td className="select-cell">
          <input
            type="checkbox"
            aria-label={`Select ${study.title}`}
            checked={checked}
            onChange={(e) =>
              selection.onChange(toggled(selection.selected, [study.id], e.target.checked))
            }
          />
        </td>
      )}
      <td className="title-cell">
        {study.documents.length === 0 && (
          <span className="badge badge-before">Nothing to code yet</span>
        )}
        <Link to={`/projects/${projectId}/studies/${study.id}`} title={study.title}>
          {study.title}
        </Link>
      </td>
      <td>{firstAuthorSurname(study) ?? <span className="muted">—</span>}</td>
      <td className="num">{study.year ?? <span className="muted">—</span>}</td>
      <td className="num">
        {study.myHighlights}
        <span className="muted"> of {study.highlights}</span>
      </td>
    </tr>
  );
}

function SelectAll({ studies, selection }: { studies: Study[]; selection: StudySelection }) {
  const ids = studies.map((s) => s.id);
  const count = ids.filter((id) => selection.selected.has(id)).length;
  return (
    <input
      type="checkbox"
      aria-label="Select all studies shown"
      checked={count > 0 && count === ids.length}
      ref={(el) => {
        // "Some selected" has no attribute in HTML; the DOM property is the only way to show it.
        if (el) el.indeterminate = count > 0 && count < ids.length;
      }}
      onChange={(e) => selection.onChange(toggled(selection.selected, ids, e.target.checked))}
    />
  );
}

function toggled(selected: ReadonlySet<string>, ids: string[], on: boolean): Set<string> {
  const next = new Set(selected);
  for (const id of ids) {
    if (on) next.add(id);
    else next.delete(id);
  }
  return next;
}
