import { useNavigate } from 'react-router';
import { ProjectsList } from '../../features/projects/components/projects-list';
import { MyInvitations } from '../../features/projects/components/my-invitations';
import { CreateProjectForm } from '../../features/projects/components/create-project-form';
import { ProjectImportSection } from '../../features/refi/components/project-import-section';

export function ProjectsRoute() {
  const navigate = useNavigate();
  return (
    <main className="page">
      <div className="page-head">
        <h1>Projects</h1>
      </div>
      <MyInvitations />
      <ProjectsList />
      {/* A new project is empty: go straight to it so the next step (add a study) is in view. */}
      <CreateProjectForm onCreated={(project) => navigate(`/projects/${project.id}`)} />
      <ProjectImportSection onCreated={(id) => navigate(`/projects/${id}`)} />
    </main>
  );
}
