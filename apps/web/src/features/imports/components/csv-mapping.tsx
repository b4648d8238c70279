import { useId, useState, type FormEvent } from 'react';
import type { AuthorSeparator, CsvMapping, CsvTable } from '@kodbok/contracts';

type Field = Exclude<keyof CsvMapping, 'attributes' | 'authorSeparator'>;
const FIELDS: Array<{ field: Field; label: string }> = [
  { field: 'title', label: 'Title' },
  { field: 'abstract', label: 'Abstract / text' },
  { field: 'authors', label: 'Authors' },
  { field: 'year', label: 'Year' },
  { field: 'doi', label: 'DOI' },
  { field: 'pmid', label: 'PMID' },
  { field: 'journal', label: 'Journal' },
];

/**
 * The CSV mapping step: which column is which field, which columns become attributes, with the
 * first rows beside it. Applying it asks the server for a new preview.
 */
export function CsvMappingForm({
  table,
  busy,
  onApply,
}: {
  table: CsvTable;
  busy: boolean;
  onApply: (mapping: CsvMapping) => void;
}) {
  const [mapping, setMapping] = useState<CsvMapping>(table.mapping);
  const mapped = new Set(FIELDS.map((f) => mapping[f.field]).filter(Boolean));
  const setField = (field: Field, column: string) => {
    const value = column || null;
    setMapping((m) => ({
      ...m,
      [field]: value,
      attributes: m.attributes.filter((a) => a !== value),
    }));
  };
  const toggleAttribute = (column: string, on: boolean) =>
    setMapping((m) => ({
      ...m,
      attributes: on ? [...m.attributes, column] : m.attributes.filter((a) => a !== column),
    }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply(mapping);
  };

  return (
    <form className="csv-mapping" onSubmit={submit} aria-labelledby="csv-mapping-heading">
      <h3 id="csv-mapping-heading">Map the columns of {table.file}</h3>
      <div className="csv-fields">
        {FIELDS.map(({ field, label }) => (
          <FieldSelect
            key={field}
            label={label}
            columns={table.columns}
            value={mapping[field] ?? ''}
            onChange={(column) => setField(field, column)}
          />
        ))}
        {mapping.authors && (
          <SeparatorSelect
            value={mapping.authorSeparator ?? ';'}
            onChange={(authorSeparator) => setMapping((m) => ({ ...m, authorSeparator }))}
          />
        )}
      </div>
      <fieldset className="csv-attributes">
        <legend>Other columns to keep as study attributes</legend>
        {table.columns
          .filter((c) => !mapped.has(c))
          .map((column) => (
            <label key={column} className="checkbox">
              <input
                type="checkbox"
                checked={mapping.attributes.includes(column)}
                onChange={(e) => toggleAttribute(column, e.target.checked)}
              />
              {column}
            </label>
          ))}
      </fieldset>
      <SampleRows table={table} />
      <div className="actions">
        <button type="submit" className="button" disabled={busy}>
          Apply mapping
        </button>
      </div>
    </form>
  );
}

function FieldSelect(props: {
  label: string;
  columns: string[];
  value: string;
  onChange: (column: string) => void;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <select id={id} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        <option value="">(none)</option>
        {props.columns.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
    </div>
  );
}

const SEPARATORS: Array<{ value: AuthorSeparator; label: string }> = [
  { value: ';', label: 'Semicolons ( ; )' },
  { value: ',', label: 'Commas ( , )' },
  { value: '|', label: 'Bars ( | )' },
  { value: '\n', label: 'Line breaks' },
];

/**
 * What separates the authors in their column; the server guesses it from the cells. Commas are
 * for "Aguiar L., Gagnepain P." (Scopus, Embase, PubMed), semicolons for "Grim, K.; Berg, M.".
 */
function SeparatorSelect(props: {
  value: AuthorSeparator;
  onChange: (value: AuthorSeparator) => void;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>Authors separated by</label>
      <select
        id={id}
        value={props.value}
        onChange={(e) =>
          props.onChange(SEPARATORS.find((s) => s.value === e.target.value)?.value ?? ';')
        }
      >
        {SEPARATORS.map((s) => (
          <option key={s.label} value={s.value}>
            {s.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function SampleRows({ table }: { table: CsvTable }) {
  return (
    <div className="import-table-wrap">
      <table className="table csv-sample">
        <caption className="visually-hidden">First rows of {table.file}</caption>
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.sample.map((row, i) => (
            <tr key={i}>
              {table.columns.map((c, j) => (
                <td key={c} title={row[j]}>
                  {row[j]}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
