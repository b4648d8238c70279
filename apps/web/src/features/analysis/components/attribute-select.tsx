import type { Attribute } from '@kodbok/contracts';

interface Props {
  id: string;
  label: string;
  /** The first option, for no attribute. */
  none: string;
  attributes: readonly Attribute[];
  value: string;
  onChange: (name: string) => void;
}

/** A labelled choice among the project's study attributes, by name ('' for none). */
export function AttributeSelect({ id, label, none, attributes, value, onChange }: Props) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{none}</option>
        {attributes.map((a) => (
          <option key={a.name} value={a.name}>
            {a.name}
          </option>
        ))}
      </select>
    </div>
  );
}
