import { Link, useParams } from 'react-router';
import { useProject } from '../../features/projects/api/get-project';
import { AttributesTable } from '../../features/attributes/components/attributes-table';
import { AddAttributeForm } from '../../features/attributes/components/add-attribute-form';
import { isNotFound } from '../../components/error-text';
import { FormError } from '../../components/form-error';
import { ProjectNotFound } from '../../components/not-found';

/** The project's study attributes: types, values in use, and new attributes. */
export function AttributesRoute() {
  const { projectId = '' } = useParams();
  const project = useProject(projectId);
  if (isNotFound(project.error)) return <ProjectNotFound />;
  const canEdit = project.data?.role === 'owner' || project.data?.role === 'supervisor';
  return (
    <main className="page">
      <div className="page-head">
        <h1>Attributes</h1>
        <Link to={`/projects/${projectId}`} className="button">
          Back to studies
        </Link>
      </div>
      <p className="muted">
        Study characteristics for cross-tabulation. Set one attribute for many studies at once by
        selecting them on the studies page.
      </p>
      <FormError error={project.error} />
      <AttributesTable projectId={projectId} canEdit={canEdit} />
      {canEdit && <AddAttributeForm projectId={projectId} />}
    </main>
  );
}
