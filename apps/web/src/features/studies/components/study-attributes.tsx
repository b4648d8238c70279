import { useState, type FormEvent } from 'react';
import type { Study } from '@kodbok/contracts';
import { FormError } from '../../../components/form-error';
import { useUpdateStudy } from '../api/update-study';
import {
  AttributeRowInputs,
  emptyAttributeRow,
  toAttributeRows,
  type AttributeRow,
} from './attribute-rows-field';

const toRows = (attributes: Record<string, string>): AttributeRow[] =>
  toAttributeRows(Object.entries(attributes).map(([name, value]) => ({ name, value })));

/**
 * A study's attributes (country, design…) as editable name/value rows. `names` suggests the
 * project's attribute names so spellings stay consistent across studies.
 */
export function StudyAttributes({
  study,
  canEdit,
  names = [],
}: {
  study: Study;
  canEdit: boolean;
  names?: string[];
}) {
  const update = useUpdateStudy(study.id);
  const [rows, setRows] = useState<AttributeRow[]>(() => toRows(study.attributes));
  const [saved, setSaved] = useState(false);
  const edit = (next: AttributeRow[]) => {
    setSaved(false);
    setRows(next);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const attributes = Object.fromEntries(
      rows
        .filter((r) => r.name.trim() && r.value.trim())
        .map((r) => [r.name.trim(), r.value.trim()]),
    );
    update.mutate(
      { attributes },
      {
        onSuccess: (s) => {
          setRows(toRows(s.attributes));
          setSaved(true);
        },
      },
    );
  };

  if (!canEdit) return <AttributeList attributes={study.attributes} />;
  return (
    <form className="study-attributes" onSubmit={submit} aria-label="Study attributes">
      {rows.length === 0 && <p className="muted">No attributes yet.</p>}
      <AttributeRowInputs rows={rows} onChange={edit} names={names} />
      <FormError error={update.error} />
      <div className="actions">
        <button
          type="button"
          className="button button-small"
          onClick={() => edit([...rows, emptyAttributeRow()])}
        >
          Add attribute
        </button>
        <button
          type="submit"
          className="button button-small button-primary"
          disabled={update.isPending}
        >
          Save attributes
        </button>
        {saved && (
          <span className="form-success" role="status">
            Saved
          </span>
        )}
      </div>
    </form>
  );
}

function AttributeList({ attributes }: { attributes: Record<string, string> }) {
  const entries = Object.entries(attributes);
  if (entries.length === 0) return <p className="muted">No attributes.</p>;
  return (
    <dl className="attribute-list">
      {entries.map(([name, value]) => (
        <div key={name}>
          <dt>{name}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
