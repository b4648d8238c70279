import { useState, type FormEvent } from 'react';
import type { CreateStudyBody, Study } from '@kodbok/contracts';
import { FormError } from '../../../components/form-error';
import { fieldValue } from '../../../components/form-values';
import { TextAreaField, TextField } from '../../../components/text-field';
import { useCreateStudy } from '../api/create-study';

interface AddStudyFormProps {
  projectId: string;
  onCreated: (study: Study) => void;
  onCancel: () => void;
}

/** Paste a study: title and text are required; authors one per line; an optional year. */
export function AddStudyForm({ projectId, onCreated, onCancel }: AddStudyFormProps) {
  const create = useCreateStudy(projectId);
  const [problem, setProblem] = useState<string | null>(null);

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const parsed = readStudy(e.currentTarget);
    setProblem(typeof parsed === 'string' ? parsed : null);
    if (typeof parsed !== 'string') create.mutate(parsed, { onSuccess: onCreated });
  }

  return (
    <form className="form card" onSubmit={submit} noValidate aria-labelledby="add-study-heading">
      <h2 id="add-study-heading">Add a study</h2>
      <TextField label="Title" name="title" maxLength={2000} required autoFocus />
      <TextAreaField
        label="Text"
        name="text"
        rows={10}
        required
        hint="Paste the abstract or full text."
      />
      <TextAreaField
        label="Authors (one per line)"
        name="authors"
        rows={3}
        hint="For example: Grim, Katarina"
      />
      <TextField
        label="Year"
        name="year"
        inputMode="numeric"
        pattern="[0-9]{4}"
        maxLength={4}
        style={{ width: '7em' }}
      />
      <FormError error={problem ?? create.error} />
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          Save study
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** The request body, or a message saying what to fix. */
function readStudy(form: HTMLFormElement): CreateStudyBody | string {
  const title = fieldValue(form, 'title');
  // Leading and trailing spaces are kept out of the text: highlight offsets count from its first character.
  const text = fieldValue(form, 'text');
  const authors = fieldValue(form, 'authors')
    .split('\n')
    .map((a) => a.trim())
    .filter(Boolean);
  const yearText = fieldValue(form, 'year');
  const year = yearText ? Number(yearText) : null;
  if (!title) return 'Give the study a title.';
  if (!text) return 'Paste the text of the study.';
  if (year !== null && !(Number.isInteger(year) && year >= 1000 && year <= 9999)) {
    return 'The year must be four digits, e.g. 2022.';
  }
  return { title, text, authors, year };
}
