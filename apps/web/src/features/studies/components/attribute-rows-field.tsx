import { useId } from 'react';

export interface AttributeRow {
  key: number;
  name: string;
  value: string;
}

let nextKey = 0;

/** Rows for attributes, each with a key that stays while the rows are edited. */
export const toAttributeRows = (attributes: ReadonlyArray<{ name: string; value: string }>) =>
  attributes.map((a): AttributeRow => ({ ...a, key: nextKey++ }));

/** A new, empty row. */
export const emptyAttributeRow = (): AttributeRow => ({ key: nextKey++, name: '', value: '' });

/**
 * The name/value inputs of attribute rows, each with its remove button: the edit dialog's and the
 * workspace's. `names` suggests the project's attribute names, so spellings stay consistent.
 */
export function AttributeRowInputs({
  rows,
  onChange,
  names,
  error = false,
}: {
  rows: AttributeRow[];
  onChange: (rows: AttributeRow[]) => void;
  names?: readonly string[];
  error?: boolean;
}) {
  const id = useId();
  const change = (key: number, patch: Partial<AttributeRow>) =>
    onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  return (
    <>
      {names && (
        <datalist id={`${id}-names`}>
          {names.map((n) => (
            <option key={n} value={n} />
          ))}
        </datalist>
      )}
      {rows.map((r, i) => (
        <div className="attribute-row" key={r.key}>
          <input
            type="text"
            aria-label={`Attribute ${i + 1} name`}
            aria-invalid={error && !r.name.trim() && r.value.trim() ? true : undefined}
            list={names ? `${id}-names` : undefined}
            placeholder="Name, e.g. country"
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
            onClick={() => onChange(rows.filter((x) => x.key !== r.key))}
          >
            ×
          </button>
        </div>
      ))}
    </>
  );
}

/** A study's attributes as name/value rows inside the edit form, with its one error line. */
export function AttributeRowsField({
  rows,
  onChange,
  error,
}: {
  rows: AttributeRow[];
  onChange: (rows: AttributeRow[]) => void;
  error?: string;
}) {
  const id = useId();
  return (
    <fieldset
      className="study-edit-attributes"
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend className="field-label">Attributes</legend>
      {rows.length === 0 && <p className="muted">No attributes.</p>}
      <AttributeRowInputs rows={rows} onChange={onChange} error={Boolean(error)} />
      {error && (
        <span id={`${id}-error`} className="field-error">
          {error}
        </span>
      )}
      <div>
        <button
          type="button"
          className="button button-small"
          onClick={() => onChange([...rows, emptyAttributeRow()])}
        >
          Add attribute
        </button>
      </div>
    </fieldset>
  );
}
