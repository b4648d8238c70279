import { useId, useState } from 'react';
import type { Project } from '@kodbok/contracts';
import { useToast } from '../../../components/toast';
import { errorText } from '../../../components/error-text';
import { useUpdateProject } from '../api/update-project';
import '../projects.css';

/**
 * Owners and supervisors: blind double coding on or off. It can change mid-project; nothing is
 * lost either way, it only decides what coders see.
 */
export function IndependentCodingSetting({ project }: { project: Project }) {
  const update = useUpdateProject(project.id);
  const notify = useToast();
  const id = useId();
  // Shown at once, before the cache's optimistic update lands (see ProjectDetailsForm).
  const [pending, setPending] = useState<boolean | null>(null);
  const on = pending ?? project.independentCoding;

  function toggle() {
    const next = !on;
    setPending(next);
    update.mutate(
      { independentCoding: next },
      {
        onSuccess: () =>
          notify({
            message: next
              ? 'Independent coding is on: coders now see only their own coding.'
              : 'Independent coding is off: coders see everyone’s coding again.',
          }),
        onError: (error) => notify({ message: errorText(error), kind: 'error' }),
        onSettled: () => setPending(null),
      },
    );
  }

  return (
    <section className="section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Coding consistency</h2>
      <div className="switch-row">
        <button
          type="button"
          role="switch"
          id={id}
          className="switch"
          aria-checked={on}
          aria-describedby={`${id}-hint`}
          onClick={toggle}
        >
          <span className="switch-thumb" aria-hidden="true" />
        </button>
        <label htmlFor={id}>Coders work independently (blind double coding)</label>
      </div>
      <p className="field-hint" id={`${id}-hint`}>
        When on, each coder sees only their own highlights — in the workspace, the codebook and
        study counts, and the analysis views — so two coders can code the same studies without being
        influenced by each other. Owners and supervisors still see everyone’s coding, and can
        compare and reconcile it. You can switch it on or off at any time; no coding is lost.
      </p>
    </section>
  );
}
