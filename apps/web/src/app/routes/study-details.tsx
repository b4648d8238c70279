import { useState } from 'react';
import type { Project, Study } from '@kodbok/contracts';
import { useAttributes } from '../../features/attributes/api/get-attributes';
import { EditStudyDialog } from '../../features/studies/components/edit-study-dialog';
import { StudyAttributes } from '../../features/studies/components/study-attributes';
import { can } from '../../lib/policy';

/**
 * The study's attributes in the workspace, folded away by default so the codebook keeps the
 * room. Composed here because it joins two features: the study's values, the project's names.
 */
export function StudyDetails({
  project,
  study,
  open = false,
}: {
  project: Project;
  study: Study;
  open?: boolean;
}) {
  const attributes = useAttributes(project.id);
  const canEdit = can(project.role, 'manageStudies');
  const [editing, setEditing] = useState(false);
  // The attribute rows below keep their own copy while typed in: a fresh one after the dialog.
  const [version, setVersion] = useState(0);
  const count = Object.keys(study.attributes).length;
  return (
    <details className="study-details" open={open}>
      <summary>
        Study attributes <span className="count muted">{count}</span>
      </summary>
      <StudyAttributes
        key={`${study.id}:${version}`}
        study={study}
        canEdit={canEdit}
        names={attributes.data?.map((a) => a.name)}
      />
      {canEdit && (
        <button type="button" className="button button-small" onClick={() => setEditing(true)}>
          Edit title, authors and details…
        </button>
      )}
      <EditStudyDialog
        study={editing ? study : null}
        onClose={() => {
          setEditing(false);
          setVersion((v) => v + 1);
        }}
      />
    </details>
  );
}
