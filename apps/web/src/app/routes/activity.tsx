import { useParams } from 'react-router';
import { useProject } from '../../features/projects/api/get-project';
import { ActivityList } from '../../features/activity/components/activity-list';
import { can } from '../../lib/policy';
import { isNotFound } from '../../components/error-text';
import { FormError } from '../../components/form-error';
import { ProjectNotFound } from '../../components/not-found';
import { SkeletonRows } from '../../components/skeleton';

/** Who created, changed or deleted what in the project: for owners (linked from settings). */
export function ActivityRoute() {
  const { projectId = '' } = useParams();
  const project = useProject(projectId);
  if (isNotFound(project.error)) return <ProjectNotFound />;
  const role = project.isPlaceholderData ? undefined : project.data?.role;
  return (
    <main className="page">
      <div className="page-head">
        <h1>Activity</h1>
      </div>
      <p className="muted">
        Changes to the codebook, studies, imports, members and settings, newest first. Coding itself
        is not listed.
      </p>
      <FormError error={project.error} />
      {!role ? (
        !project.error && <SkeletonRows count={6} label="Loading project" />
      ) : can(role, 'viewActivity') ? (
        <ActivityList projectId={projectId} />
      ) : (
        <p className="empty">Only the project’s owners see its activity.</p>
      )}
    </main>
  );
}
