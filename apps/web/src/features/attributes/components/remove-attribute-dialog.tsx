import { useId } from 'react';
import type { Attribute } from '@kodbok/contracts';
import { Dialog } from '../../../components/dialog';
import { FormError } from '../../../components/form-error';
import { useDeleteAttribute } from '../api/delete-attribute';

/** Confirms removing an attribute from every study: values typed by hand would be lost. */
export function RemoveAttributeDialog({
  projectId,
  attribute,
  onClose,
}: {
  projectId: string;
  attribute: Attribute | null;
  onClose: () => void;
}) {
  const headingId = useId();
  const remove = useDeleteAttribute(projectId);
  const close = () => {
    remove.reset();
    onClose();
  };
  return (
    <Dialog open={attribute !== null} onClose={close} labelledBy={headingId}>
      {attribute && (
        <div className="form">
          <h2 id={headingId}>Remove “{attribute.name}”?</h2>
          <p>
            Its values go from {attribute.studies} {attribute.studies === 1 ? 'study' : 'studies'}.
            This cannot be undone.
          </p>
          <FormError error={remove.error} />
          <div className="actions">
            <button
              type="button"
              className="button button-danger-solid"
              disabled={remove.isPending}
              onClick={() => remove.mutate(attribute.name, { onSuccess: close })}
            >
              Remove attribute
            </button>
            <button type="button" className="button" onClick={close}>
              Cancel
            </button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
