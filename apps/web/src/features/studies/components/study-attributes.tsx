import { useId, useState, type FormEvent } from 'react';
import type { Study } from '@kodbok/contracts';
import { FormError } from '../../../components/form-error';
import { useUpdateStudy } from '../api/update-study';

interface Row {
  key: number;
  name: string;
  value: string;
}

let nextKey = 0;
const toRows = (attributes: Record<string, string>): Row[] =>
  Object.entries(attributes).map(([name, value]) => ({ key: nextKey++, name, value }));

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
  const id = useId();
  const update = useUpdateStudy(study.id);
  const [rows, setRows] = useState<Row[]>(() => toRows(study.attributes));
  const [saved, setSaved] = useState(false);
  const change = (key: number, patch: Partial<Row>) => {
    setSaved(false);
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
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
      <datalist id={`${id}-names`}>
        {names.map((n) => (
          <option key={n} value={n} />
        ))}
      </datalist>
      {rows.length === 0 && <p className="muted">No attributes yet.</p>}
      {rows.map((r, i) => (
        <div className="attribute-row" key={r.key}>
          <input
            type="text"
            aria-label={`Attribute ${i + 1} name`}
            list={`${id}-names`}
            placeholder="Name"
            maxLength={100}
            value={r.name}
            onChange={(e) => change(r.key, { name: e.target.value })}
          />
          <input
            type="text"
            aria-label={`Attribute ${i + 1} value`}
            placeholder="Value"
            maxLength={2000}
            value={r.value}
            onChange={(e) => change(r.key, { value: e.target.value })}
          />
          <button
            type="button"
            className="button button-small button-ghost"
            aria-label={`Remove attribute ${r.name || i + 1}`}
            onClick={() => {
              setSaved(false);
              setRows((rs) => rs.filter((x) => x.key !== r.key));
            }}
          >
            ×
          </button>
        </div>
      ))}
      <FormError error={update.error} />
      <div className="actions">
        <button
          type="button"
          className="button button-small"
          onClick={() => setRows((rs) => [...rs, { key: nextKey++, name: '', value: '' }])}
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
