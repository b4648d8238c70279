import { useState } from 'react';
import type { Attribute, AttributeType } from '@kodbok/contracts';
import { FormError } from '../../../components/form-error';
import { SkeletonRows } from '../../../components/skeleton';
import { useAttributes } from '../api/get-attributes';
import { useUpdateAttribute } from '../api/update-attribute';
import { RemoveAttributeDialog } from './remove-attribute-dialog';
import '../attributes.css';

const TYPES: Array<{ value: AttributeType; label: string }> = [
  { value: 'category', label: 'Category' },
  { value: 'text', label: 'Text' },
  { value: 'number', label: 'Number' },
];
const VALUES_SHOWN = 12;

/** The project's attributes: type, how many studies have one, and the values in use. */
export function AttributesTable({ projectId, canEdit }: { projectId: string; canEdit: boolean }) {
  const attributes = useAttributes(projectId);
  const update = useUpdateAttribute(projectId);
  const [removing, setRemoving] = useState<Attribute | null>(null);

  if (attributes.isPending) return <SkeletonRows count={4} label="Loading attributes" />;
  if (attributes.error) return <FormError error={attributes.error} />;
  if (attributes.data.length === 0) {
    return (
      <p className="empty">
        No attributes yet — import studies with keywords or custom columns, or add one below.
      </p>
    );
  }
  return (
    <>
      <FormError error={update.error} />
      <RemoveAttributeDialog
        projectId={projectId}
        attribute={removing}
        onClose={() => setRemoving(null)}
      />
      <table className="table attributes-table">
        <caption className="visually-hidden">Attributes</caption>
        <thead>
          <tr>
            <th scope="col">Attribute</th>
            <th scope="col">Type</th>
            <th scope="col" className="num">
              Studies
            </th>
            <th scope="col">Values in use</th>
            {canEdit && (
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {attributes.data.map((a) => (
            <AttributeRow
              key={a.name}
              attribute={a}
              canEdit={canEdit}
              onType={(type) => update.mutate({ name: a.name, type })}
              onDelete={() => setRemoving(a)}
            />
          ))}
        </tbody>
      </table>
    </>
  );
}

function AttributeRow(props: {
  attribute: Attribute;
  canEdit: boolean;
  onType: (type: AttributeType) => void;
  onDelete: () => void;
}) {
  const { attribute: a, canEdit } = props;
  const hidden = a.values.length - VALUES_SHOWN;
  return (
    <tr>
      <th scope="row" className="attribute-name">
        {a.name}
      </th>
      <td>
        {canEdit ? (
          <select
            aria-label={`Type of ${a.name}`}
            value={a.type}
            onChange={(e) => props.onType(e.target.value as AttributeType)}
          >
            {TYPES.map((t) => (
              <option key={t.value} value={t.value}>
                {t.label}
              </option>
            ))}
          </select>
        ) : (
          TYPES.find((t) => t.value === a.type)?.label
        )}
      </td>
      <td className="num">{a.studies}</td>
      <td>
        <ul className="value-chips" aria-label={`Values of ${a.name}`}>
          {a.values.slice(0, VALUES_SHOWN).map((v) => (
            <li key={v.value} className="value-chip" title={v.value}>
              <span className="value-chip-text">{v.value}</span>{' '}
              <span className="count">{v.studies}</span>
            </li>
          ))}
          {hidden > 0 && <li className="muted">+{hidden} more</li>}
        </ul>
      </td>
      {canEdit && (
        <td>
          <button
            type="button"
            className="button button-small button-ghost"
            onClick={props.onDelete}
            aria-label={`Remove ${a.name}`}
          >
            Remove
          </button>
        </td>
      )}
    </tr>
  );
}
