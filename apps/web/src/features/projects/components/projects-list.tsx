import { Link } from 'react-router';
import { FormError } from '../../../components/form-error';
import { SkeletonRows } from '../../../components/skeleton';
import { useProjects } from '../api/get-projects';

/** My projects, each a link to its studies. */
export function ProjectsList() {
  const projects = useProjects();
  if (projects.isPending) return <SkeletonRows count={3} label="Loading projects" />;
  if (projects.error) return <FormError error={projects.error} />;
  if (projects.data.length === 0) {
    return (
      <p className="empty">
        You are not in any project yet. Create one below, or ask a project owner to invite your
        e-mail.
      </p>
    );
  }
  return (
    <ul className="link-list" aria-label="Your projects">
      {projects.data.map((project) => (
        <li key={project.id}>
          <Link to={`/projects/${project.id}`}>
            <span className="grow">{project.name}</span>
            <span className="badge">{project.role}</span>
            <span className="muted count">
              {project.studyCount} {project.studyCount === 1 ? 'study' : 'studies'}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
