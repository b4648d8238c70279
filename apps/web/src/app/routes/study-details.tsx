import type { Project, Study } from '@kodbok/contracts';
import { useAttributes } from '../../features/attributes/api/get-attributes';
import { StudyAttributes } from '../../features/studies/components/study-attributes';

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
  const canEdit = project.role === 'owner' || project.role === 'supervisor';
  const count = Object.keys(study.attributes).length;
  return (
    <details className="study-details" open={open}>
      <summary>
        Study attributes <span className="count muted">{count}</span>
      </summary>
      <StudyAttributes
        key={study.id}
        study={study}
        canEdit={canEdit}
        names={attributes.data?.map((a) => a.name)}
      />
    </details>
  );
}
