import { useMemo, useRef, useState } from 'react';
import { nextSort, sortRows, type SortState } from '@kodbok/core';
import type { Study } from '@kodbok/contracts';
import { FormError } from '../../../components/form-error';
import { SkeletonRows } from '../../../components/skeleton';
import { SortHeader } from '../../../components/sort-header';
import { useVirtualRows } from '../../../hooks/use-virtual-rows';
import { useDebouncedValue } from '../hooks/use-debounced-value';
import { useStudies } from '../api/get-studies';
import { firstAuthorSurname } from '../utils/study-label';
import {
  AFTER_DELETION_FOCUS_ID,
  DeleteStudiesDialog,
  type DeletionTarget,
} from './delete-studies-dialog';
import { SelectAll, StudyRow, toggled, type StudySelection } from './study-row';
import { EditStudyDialog } from './edit-study-dialog';
import '../studies.css';

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

/**
 * The project's studies, searched (title, authors, year, DOI) on the server ~200 ms after typing
 * stops. A review may hold ten thousand studies: the rows are virtualised inside a scrolling box.
 * With `canEdit`, each row offers Edit and Delete.
 */
export function StudiesTable({
  projectId,
  search,
  selection,
  canEdit = false,
}: {
  projectId: string;
  search: string;
  selection?: StudySelection;
  canEdit?: boolean;
}) {
  const q = useDebouncedValue(search.trim(), 200);
  const studies = useStudies(projectId, q, { keepPrevious: true });
  const [sort, setSort] = useState<SortState<Column>>({ key: 'title', direction: 'ascending' });
  const rows = useMemo(() => sortRows(studies.data ?? [], sort, sortValue), [studies.data, sort]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const { items, before, after } = useVirtualRows(rows.length, scrollRef, ROW);
  const [editing, setEditing] = useState<Study | null>(null);
  const [deleting, setDeleting] = useState<DeletionTarget | null>(null);
  const actions = canEdit
    ? {
        onEdit: setEditing,
        onDelete: (s: Study) => setDeleting({ studyIds: [s.id], title: s.title }),
      }
    : undefined;
  const dialogs = canEdit && (
    <>
      <EditStudyDialog study={editing} onClose={() => setEditing(null)} />
      <DeleteStudiesDialog
        projectId={projectId}
        target={deleting}
        onClose={() => setDeleting(null)}
        onDeleted={(ids) => {
          setDeleting(null);
          if (selection) selection.onChange(toggled(selection.selected, ids, false));
        }}
      />
    </>
  );

  if (studies.isPending) return <SkeletonRows count={6} label="Loading studies" />;
  if (studies.error) return <FormError error={studies.error} />;
  if (studies.data.length === 0) {
    return (
      <>
        <p className="empty" tabIndex={-1} id={AFTER_DELETION_FOCUS_ID}>
          {q ? `No study matches “${q}” in its title, authors, year or DOI.` : EMPTY_TEXT}
        </p>
        {dialogs}
      </>
    );
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
      <p className="table-count" aria-live="polite" tabIndex={-1} id={AFTER_DELETION_FOCUS_ID}>
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
              {actions && (
                <th scope="col" className="actions-cell">
                  <span className="visually-hidden">Actions</span>
                </th>
              )}
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
                actions={actions}
              />
            ))}
            {after > 0 && <tr aria-hidden="true" style={{ height: after }} />}
          </tbody>
        </table>
      </div>
      {dialogs}
    </>
  );
}

function countLabel(n: number, q: string): string {
  const studies = `${n.toLocaleString('en')} ${n === 1 ? 'study' : 'studies'}`;
  return q ? `${studies} matching “${q}”` : studies;
}
