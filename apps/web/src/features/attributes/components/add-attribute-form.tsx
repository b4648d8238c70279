import { useId, useState, type FormEvent } from 'react';
import type { AttributeType } from '@kodbok/contracts';
import { FormError } from '../../../components/form-error';
import { useUpdateAttribute } from '../api/update-attribute';

/** Lists a new attribute (before any study has a value), with its type. */
export function AddAttributeForm({ projectId }: { projectId: string }) {
  const id = useId();
  const update = useUpdateAttribute(projectId);
  const [name, setName] = useState('');
  const [type, setType] = useState<AttributeType>('category');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return;
    update.mutate({ name: name.trim(), type }, { onSuccess: () => setName('') });
  };
  return (
    <form className="form-inline section" onSubmit={submit} aria-label="Add an attribute">
      <div className="field">
        <label htmlFor={`${id}-name`}>New attribute</label>
        <input
          id={`${id}-name`}
          type="text"
          maxLength={100}
          placeholder="e.g. risk of bias"
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-type`}>Type</label>
        <select
          id={`${id}-type`}
          value={type}
          onChange={(e) => setType(e.target.value as AttributeType)}
        >
          <option value="category">Category</option>
          <option value="text">Text</option>
          <option value="number">Number</option>
        </select>
      </div>
      <button type="submit" className="button" disabled={update.isPending || !name.trim()}>
        Add attribute
      </button>
      <FormError error={update.error} />
    </form>
  );
}
