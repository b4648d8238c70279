import { Link } from 'react-router';
import type { Study } from '@kodbok/contracts';
import { firstAuthorSurname } from '../utils/study-label';

/** Checkboxes on the rows, for changing many studies at once; absent for read-only members. */
export interface StudySelection {
  selected: ReadonlySet<string>;
  onChange: (next: Set<string>) => void;
}

export interface RowActions {
  onEdit: (study: Study) => void;
  onDelete: (study: Study) => void;
}

export function StudyRow({
  projectId,
  study,
  rowIndex,
  selection,
  actions,
}: {
  projectId: string;
  study: Study;
  /** 1-based among all rows, the header being 1: screen readers announce "row 57 of 10,001". */
  rowIndex: number;
  selection?: StudySelection;
  actions?: RowActions;
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
      {actions && (
        <td className="actions-cell">
          <button
            type="button"
            className="button button-small button-ghost"
            aria-label={`Edit “${study.title}”`}
            onClick={() => actions.onEdit(study)}
          >
            Edit
          </button>
          <button
            type="button"
            className="button button-small button-ghost button-danger"
            aria-label={`Delete “${study.title}”`}
            onClick={() => actions.onDelete(study)}
          >
            Delete
          </button>
        </td>
      )}
    </tr>
  );
}

export function SelectAll({ studies, selection }: { studies: Study[]; selection: StudySelection }) {
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

export function toggled(selected: ReadonlySet<string>, ids: string[], on: boolean): Set<string> {
  const next = new Set(selected);
  for (const id of ids) {
    if (on) next.add(id);
    else next.delete(id);
  }
  return next;
}
