import { useId, useState, type FormEvent } from 'react';
import { FormError } from '../../../components/form-error';
import { useToast } from '../../../components/toast';
import { useAssignAttribute } from '../api/assign-attribute';
import { useAttributes } from '../api/get-attributes';
import { countOf } from '../../../lib/plural';
import '../attributes.css';

/** Sets one attribute to one value for every selected study (or removes it from them). */
export function BulkAttributeForm({
  projectId,
  studyIds,
  onDone,
}: {
  projectId: string;
  studyIds: string[];
  onDone: () => void;
}) {
  const id = useId();
  const attributes = useAttributes(projectId);
  const assign = useAssignAttribute(projectId);
  const notify = useToast();
  const [name, setName] = useState('');
  const [value, setValue] = useState('');
  const known = attributes.data?.find((a) => a.name === name.trim());
  const count = `${studyIds.length} ${studyIds.length === 1 ? 'study' : 'studies'}`;

  const run = (next: string | null) =>
    assign.mutate(
      { name: name.trim(), studyIds, value: next },
      {
        onSuccess: ({ updated }) => {
          notify({
            message:
              next === null
                ? `Removed “${name.trim()}” from ${countOf(updated, 'study', 'studies')}`
                : `Set ${name.trim()} = ${next} for ${countOf(updated, 'study', 'studies')}`,
          });
          setValue('');
          onDone();
        },
      },
    );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (name.trim() && value.trim()) run(value.trim());
  };

  return (
    <form
      className="form-inline bulk-attribute card"
      onSubmit={submit}
      aria-label={`Set an attribute for ${count}`}
    >
      <strong className="bulk-count">{count} selected</strong>
      <div className="field">
        <label htmlFor={`${id}-name`}>Attribute</label>
        <input
          id={`${id}-name`}
          type="text"
          list={`${id}-names`}
          maxLength={100}
          value={name}
          onChange={(e) => setName(e.target.value)}
          required
        />
        <datalist id={`${id}-names`}>
          {attributes.data?.map((a) => (
            <option key={a.name} value={a.name} />
          ))}
        </datalist>
      </div>
      <div className="field">
        <label htmlFor={`${id}-value`}>Value</label>
        <input
          id={`${id}-value`}
          type="text"
          list={`${id}-values`}
          maxLength={2000}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          inputMode={known?.type === 'number' ? 'decimal' : undefined}
        />
        <datalist id={`${id}-values`}>
          {known?.values.map((v) => (
            <option key={v.value} value={v.value} />
          ))}
        </datalist>
      </div>
      <button
        type="submit"
        className="button button-primary"
        disabled={assign.isPending || !name.trim() || !value.trim()}
      >
        Set for {count}
      </button>
      <button
        type="button"
        className="button"
        disabled={assign.isPending || !known}
        onClick={() => run(null)}
      >
        Remove from {count}
      </button>
      <button type="button" className="button button-ghost" onClick={onDone}>
        Clear selection
      </button>
      <FormError error={assign.error} />
    </form>
  );
}
