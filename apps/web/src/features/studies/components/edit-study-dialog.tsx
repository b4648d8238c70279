import { useId, useRef, useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import type { Study } from '@kodbok/contracts';
import { Dialog } from '../../../components/dialog';
import { FormError } from '../../../components/form-error';
import { ApiError } from '../../../lib/api-client';
import { useUpdateStudy } from '../api/update-study';
import {
  fieldOfError,
  readStudyForm,
  studyFormValues,
  studyPatch,
  type FieldErrors,
  type StudyFormValues,
} from '../lib/study-form';
import { AttributeRowsField, toAttributeRows } from './attribute-rows-field';
import { StudyField } from './study-field';

/** Corrects a study's bibliographic fields and attributes in a native <dialog> (Esc closes). */
export function EditStudyDialog({ study, onClose }: { study: Study | null; onClose: () => void }) {
  const headingId = useId();
  return (
    <Dialog open={study !== null} onClose={onClose} labelledBy={headingId}>
      {study && (
        <div className="study-edit">
          <h2 id={headingId}>Edit study</h2>
          <EditStudyForm key={study.id} study={study} onDone={onClose} />
        </div>
      )}
    </Dialog>
  );
}

function EditStudyForm({ study, onDone }: { study: Study; onDone: () => void }) {
  const update = useUpdateStudy(study.id);
  const [values, setValues] = useState(() => studyFormValues(study));
  const [rows, setRows] = useState(() => toAttributeRows(studyFormValues(study).attributes));
  const [errors, setErrors] = useState<FieldErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  // Typing in a field takes its error away: the rest stay until the next save.
  const set = (field: Exclude<keyof StudyFormValues, 'attributes'>) => ({
    value: values[field],
    error: errors[field],
    onChange: (e: { target: { value: string } }) => {
      setValues({ ...values, [field]: e.target.value });
      if (errors[field]) setErrors({ ...errors, [field]: undefined });
    },
  });

  /** Shows the problems and moves the focus to the first, so a keyboard user lands on it. */
  function showErrors(next: FieldErrors) {
    flushSync(() => setErrors(next));
    // An attribute problem may not be one input's (a name twice): its first input then.
    formRef.current
      ?.querySelector<HTMLElement>(
        '[aria-invalid="true"], [aria-describedby] > .attribute-row input',
      )
      ?.focus();
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    const read = readStudyForm({ ...values, attributes: rows });
    if (!read.ok) return showErrors(read.errors);
    setErrors({});
    const patch = studyPatch(study, read.edit);
    if (Object.keys(patch).length === 0) return onDone();
    update.mutate(patch, {
      onSuccess: onDone,
      onError: (error) => {
        const field = fieldOf(error);
        if (field) showErrors({ [field]: error.message });
      },
    });
  }
  const fieldError = fieldOf(update.error);
  return (
    <form ref={formRef} className="form study-edit-form" onSubmit={submit} noValidate>
      <StudyField label="Title" multiline rows={2} maxLength={2000} {...set('title')} />
      <StudyField
        label="Authors, one per line, in order"
        multiline
        rows={5}
        hint="For example: Grim, Katarina"
        {...set('authors')}
      />
      <div className="study-edit-row">
        <StudyField label="Year" inputMode="numeric" maxLength={4} {...set('year')} />
        <StudyField label="Volume" maxLength={100} {...set('volume')} />
        <StudyField label="Issue" maxLength={100} {...set('issue')} />
        <StudyField label="Pages" maxLength={100} {...set('pages')} />
      </div>
      <StudyField label="Journal" maxLength={1000} {...set('journal')} />
      <div className="study-edit-row">
        <StudyField label="DOI" className="study-edit-wide" maxLength={500} {...set('doi')} />
        <StudyField label="PMID" inputMode="numeric" maxLength={9} {...set('pmid')} />
      </div>
      <AttributeRowsField
        rows={rows}
        onChange={(next) => {
          setRows(next);
          if (errors.attributes) setErrors({ ...errors, attributes: undefined });
        }}
        error={errors.attributes}
      />
      {!fieldError && <FormError error={update.error} />}
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={update.isPending}>
          Save study
        </button>
        <button type="button" className="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** The field a refused save is about, when the server named one (400 "body/year must…"). */
const fieldOf = (error: unknown) =>
  error instanceof ApiError && error.status === 400 ? fieldOfError(error.message) : null;
