import { useRef, useState } from 'react';
import { DeleteStudiesDialog, type DeletionTarget } from './delete-studies-dialog';
import '../studies.css';

/** "Delete the 3 selected…": confirms with the totals, then deletes them all in one request. */
export function BulkDeleteButton({
  projectId,
  studyIds,
  onDeleted,
}: {
  projectId: string;
  studyIds: string[];
  onDeleted: () => void;
}) {
  const [target, setTarget] = useState<DeletionTarget | null>(null);
  // The parent hears of the deletion once the dialog has closed: clearing the selection removes
  // this button and its dialog, which must first hand the focus on.
  const deleted = useRef(false);
  const n = studyIds.length;
  return (
    <>
      <button
        type="button"
        className="button button-danger"
        onClick={() => setTarget({ studyIds })}
      >
        Delete the {n === 1 ? 'selected study' : `${n.toLocaleString('en')} selected`}…
      </button>
      <DeleteStudiesDialog
        projectId={projectId}
        target={target}
        onClose={() => {
          setTarget(null);
          if (deleted.current) onDeleted();
          deleted.current = false;
        }}
        onDeleted={() => {
          deleted.current = true;
          setTarget(null);
        }}
      />
    </>
  );
}
