import { useId, useState } from 'react';
import type { Project } from '@kodbok/contracts';
import { Dialog } from '../../../components/dialog';
import { FormError } from '../../../components/form-error';
import { TextField } from '../../../components/text-field';
import { useDeleteProject } from '../api/delete-project';

/** Owner-only. Typing the name makes the irreversible step deliberate, not a stray click. */
export function DeleteProjectSection({
  project,
  onDeleted,
}: {
  project: Project;
  onDeleted: () => void;
}) {
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const remove = useDeleteProject(project.id);
  const headingId = useId();
  const close = () => {
    setOpen(false);
    setTyped('');
    remove.reset();
  };

  return (
    <section className="section danger-zone" aria-labelledby="danger-heading">
      <h2 id="danger-heading">Delete this project</h2>
      <p>
        Deletes its studies, codebook and every highlight, for all members, and the coders’ accounts
        that came with it from a project file or the demo (they cannot sign in). This cannot be
        undone.
      </p>
      <button type="button" className="button button-danger" onClick={() => setOpen(true)}>
        Delete project
      </button>
      <Dialog open={open} onClose={close} labelledBy={headingId}>
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            if (typed === project.name) remove.mutate(undefined, { onSuccess: onDeleted });
          }}
        >
          <h2 id={headingId}>Delete “{project.name}”?</h2>
          <p>All its studies, codes and highlights will be gone for everyone.</p>
          <TextField
            label="Type the project name to confirm"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            autoComplete="off"
            autoFocus
          />
          <FormError error={remove.error} />
          <div className="actions">
            <button
              type="submit"
              className="button button-danger-solid"
              disabled={typed !== project.name || remove.isPending}
            >
              Delete permanently
            </button>
            <button type="button" className="button" onClick={close}>
              Cancel
            </button>
          </div>
        </form>
      </Dialog>
    </section>
  );
}
