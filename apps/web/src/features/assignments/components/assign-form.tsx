import { useId, useState, type FormEvent } from 'react';
import { FormError } from '../../../components/form-error';
import { useToast } from '../../../components/toast';
import { useCreateAssignments } from '../api/create-assignments';
import {
  codersPerStudy,
  previewSentence,
  splitPreview,
  type Distribution,
} from '../lib/split-preview';
import { DistributionFieldset } from './distribution-fieldset';
import '../assignments.css';

/** A set of studies the form can assign, e.g. "All 40 studies" or "The 6 selected". */
export interface StudyScope {
  id: string;
  label: string;
  studyIds: readonly string[];
}

export interface CoderOption {
  id: string;
  name: string;
}

interface Props {
  projectId: string;
  scopes: readonly StudyScope[];
  coders: readonly CoderOption[];
  onAssigned?: () => void;
}

/**
 * Assigning studies to coders: which studies, which coders, and how — every coder every study,
 * split evenly, or each study to N of them — with a preview of each coder's load before it is
 * made. Assignments that exist already are kept as they are (the server reports them).
 */
export function AssignForm({ projectId, scopes, coders, onAssigned }: Props) {
  const id = useId();
  const [scopeId, setScopeId] = useState(scopes[0]?.id ?? '');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [distribution, setDistribution] = useState<Distribution>({ kind: 'all' });
  const assign = useCreateAssignments(projectId);
  const notify = useToast();
  const scope = scopes.find((s) => s.id === scopeId) ?? scopes[0];
  const studyIds = scope?.studyIds ?? [];
  const userIds = coders.filter((c) => chosen.has(c.id)).map((c) => c.id);
  const preview = splitPreview(studyIds.length, userIds.length, distribution);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (preview.problem) return;
    const perStudy = codersPerStudy(distribution);
    assign.mutate(
      {
        studyIds: [...studyIds],
        userIds,
        ...(perStudy === undefined ? {} : { codersPerStudy: perStudy }),
      },
      {
        onSuccess: ({ created, existing }) => {
          notify({
            message: `${created} ${created === 1 ? 'assignment' : 'assignments'} made${existing > 0 ? ` (${existing} already existed)` : ''}.`,
          });
          onAssigned?.();
        },
      },
    );
  }

  const toggle = (coderId: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(coderId);
    else next.delete(coderId);
    setChosen(next);
  };

  return (
    <form className="assign-form card" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="visually-hidden">
        Assign studies
      </h3>
      <fieldset className="assign-group">
        <legend>Studies</legend>
        {scopes.map((s) => (
          <label key={s.id} className="checkbox">
            <input
              type="radio"
              name={`${id}-scope`}
              checked={s.id === scope?.id}
              onChange={() => setScopeId(s.id)}
            />
            {s.label}
          </label>
        ))}
      </fieldset>
      <fieldset className="assign-group">
        <legend>Coders</legend>
        {coders.length === 0 && (
          <p className="muted">No coders yet: add members in the project settings.</p>
        )}
        {coders.map((c) => (
          <label key={c.id} className="checkbox">
            <input
              type="checkbox"
              checked={chosen.has(c.id)}
              onChange={(e) => toggle(c.id, e.target.checked)}
            />
            {c.name}
          </label>
        ))}
      </fieldset>
      <DistributionFieldset value={distribution} onChange={setDistribution} max={coders.length} />
      <div className="assign-footer">
        <p className="assign-preview" aria-live="polite">
          {preview.problem ?? previewSentence(preview)}
        </p>
        <button
          type="submit"
          className="button button-primary"
          disabled={preview.problem !== null || assign.isPending}
        >
          Assign
        </button>
      </div>
      <FormError error={assign.error} />
    </form>
  );
}
