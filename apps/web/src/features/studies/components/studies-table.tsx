import { Link } from 'react-router';
import type { Study } from '@kodbok/contracts';
import { FormError } from '../../../components/form-error';
import { SkeletonRows } from '../../../components/skeleton';
import { useDebouncedValue } from '../hooks/use-debounced-value';
import { useStudies } from '../api/get-studies';
import { firstAuthorSurname } from '../utils/study-label';

const EMPTY_TEXT = 'No studies yet — import a RIS, BibTeX, PubMed or CSV file, or paste a text';

/** Checkboxes on the rows, for changing many studies at once; absent for read-only members. */
export interface StudySelection {
  selected: ReadonlySet<string>;
  onChange: (next: Set<string>) => void;
}

/** The project's studies, searched by title on the server ~200 ms after typing stops. */
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

  if (studies.isPending) return <SkeletonRows count={6} label="Loading studies" />;
  if (studies.error) return <FormError error={studies.error} />;
  if (studies.data.length === 0) {
    return <p className="empty">{q ? `No study title contains “${q}”.` : EMPTY_TEXT}</p>;
  }
  return (
    <table className="table" aria-busy={studies.isPlaceholderData}>
      <caption className="visually-hidden">Studies</caption>
      <thead>
        <tr>
          {selection && (
            <th scope="col" className="select-cell">
              <SelectAll studies={studies.data} selection={selection} />
            </th>
          )}
          <th scope="col">Title</th>
          <th scope="col">First author</th>
          <th scope="col" className="num">
            Year
          </th>
          <th scope="col" className="num">
            My coding
          </th>
        </tr>
      </thead>
      <tbody>
        {studies.data.map((study) => (
          <StudyRow key={study.id} projectId={projectId} study={study} selection={selection} />
        ))}
      </tbody>
    </table>
  );
}

function StudyRow({
  projectId,
  study,
  selection,
}: {
  projectId: string;
  study: Study;
  selection?: StudySelection;
}) {
  const checked = selection?.selected.has(study.id) ?? false;
  return (
    <tr>
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
