import { useId, useRef } from 'react';
import { Dialog } from '../../../components/dialog';
import { FormError } from '../../../components/form-error';
import { useDeleteStudies } from '../api/delete-studies';
import { useStudyDeletion } from '../api/get-study-deletion';
import { deletionText, deletionTitle } from '../lib/deletion-text';

/**
 * The element that has the focus after a deletion (the studies table's count, which announces
 * the new total): the button that opened the dialog may have gone with its row or selection.
 */
export const AFTER_DELETION_FOCUS_ID = 'studies-count';

/** Studies to delete: one (named by its title) or a selection. */
export interface DeletionTarget {
  studyIds: string[];
  title?: string;
}

/**
 * Confirms deleting studies, saying how many documents and highlights go with them (counted by
 * the server when the dialog opens). Cancel has the focus: Enter or Esc straight away keeps
 * everything. The server deletes all or none.
 */
export function DeleteStudiesDialog({
  projectId,
  target,
  onClose,
  onDeleted,
}: {
  projectId: string;
  target: DeletionTarget | null;
  onClose: () => void;
  onDeleted: (studyIds: string[]) => void;
}) {
  const headingId = useId();
  const studyIds = target?.studyIds ?? [];
  const preview = useStudyDeletion(projectId, studyIds, target !== null);
  const remove = useDeleteStudies(projectId);
  const deleted = useRef(false);
  // Runs on the dialog's close event, after the browser has put the focus back where it was.
  const close = () => {
    remove.reset();
    onClose();
    if (deleted.current) document.getElementById(AFTER_DELETION_FOCUS_ID)?.focus();
    deleted.current = false;
  };
  const confirm = () =>
    remove.mutate(studyIds, {
      onSuccess: () => {
        remove.reset();
        deleted.current = true;
        onDeleted(studyIds);
      },
    });
  const n = studyIds.length;
  return (
    <Dialog open={target !== null} onClose={close} labelledBy={headingId}>
      {target && (
        <div className="form study-delete">
          <h2 id={headingId}>{deletionTitle(n, target.title)}</h2>
          {preview.isPending && (
            <p className="muted" role="status">
              Counting the highlights that go with {n === 1 ? 'it' : 'them'}…
            </p>
          )}
          {preview.data && <p role="status">{deletionText(preview.data)} This cannot be undone.</p>}
          <FormError error={preview.error ?? remove.error} />
          <div className="actions">
            <button
              type="button"
              className="button button-danger-solid"
              disabled={!preview.data || remove.isPending}
              onClick={confirm}
            >
              {n === 1 ? 'Delete study' : `Delete ${n.toLocaleString('en')} studies`}
            </button>
            <button type="button" className="button" onClick={close} autoFocus>
              Cancel
            </button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
