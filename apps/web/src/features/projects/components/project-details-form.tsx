import { useState, type FormEvent } from 'react';
import type { Project } from '@kodbok/contracts';
import { FormError } from '../../../components/form-error';
import { fieldValue } from '../../../components/form-values';
import { TextField } from '../../../components/text-field';
import { useToast } from '../../../components/toast';
import { errorText } from '../../../components/error-text';
import { useUpdateProject } from '../api/update-project';

/** Owner-only: the project's name and whether coders may change the codebook. */
export function ProjectDetailsForm({ project }: { project: Project }) {
  const update = useUpdateProject(project.id);
  const toggle = useUpdateProject(project.id);
  const notify = useToast();
  const [problem, setProblem] = useState<string | null>(null);
  // Set within the click so the box never flips back while the request starts (the cache's
  // optimistic update lands a tick later, after React has already restored the old value).
  const [pendingCheck, setPendingCheck] = useState<boolean | null>(null);

  function rename(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const name = fieldValue(e.currentTarget, 'name');
    setProblem(name ? null : 'The project needs a name.');
    if (name) update.mutate({ name }, { onSuccess: () => notify({ message: 'Project renamed.' }) });
  }

  return (
    <section className="section" aria-labelledby="details-heading">
      <h2 id="details-heading">Project</h2>
      <form className="form-inline" onSubmit={rename} noValidate>
        {/* Keyed by the saved name so the field shows it again after a save elsewhere. */}
        <TextField
          key={project.name}
          label="Project name"
          name="name"
          defaultValue={project.name}
          maxLength={200}
          required
        />
        <button type="submit" className="button" disabled={update.isPending}>
          Rename
        </button>
      </form>
      <FormError error={problem ?? update.error} />
      <p className="checkbox section">
        <input
          id="coder-can-edit"
          type="checkbox"
          checked={pendingCheck ?? project.coderCanEditCodebook}
          onChange={(e) => {
            setPendingCheck(e.target.checked);
            toggle.mutate(
              { coderCanEditCodebook: e.target.checked },
              {
                onError: (error) => notify({ message: errorText(error), kind: 'error' }),
                onSettled: () => setPendingCheck(null),
              },
            );
          }}
        />
        <label htmlFor="coder-can-edit">Coders may change the codebook</label>
      </p>
      <p className="field-hint">Owners and supervisors can always change it; viewers never can.</p>
    </section>
  );
}
