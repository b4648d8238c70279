import { useState, type FormEvent } from 'react';
import type { Project } from '@kodbok/contracts';
import { FormError } from '../../../components/form-error';
import { fieldValue } from '../../../components/form-values';
import { TextField } from '../../../components/text-field';
import { useCreateProject } from '../api/create-project';

/** "New project": only a name; the creator becomes its owner. */
export function CreateProjectForm({ onCreated }: { onCreated: (project: Project) => void }) {
  const create = useCreateProject();
  const [problem, setProblem] = useState<string | null>(null);

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const name = fieldValue(e.currentTarget, 'name');
    setProblem(name ? null : 'Give the project a name.');
    if (name) create.mutate({ name }, { onSuccess: onCreated });
  }

  return (
    <section className="section" aria-labelledby="new-project-heading">
      <h2 id="new-project-heading">New project</h2>
      <form className="form-inline" onSubmit={submit} noValidate>
        <TextField label="Project name" name="name" maxLength={200} required />
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          Create project
        </button>
      </form>
      <FormError error={problem ?? create.error} />
    </section>
  );
}
