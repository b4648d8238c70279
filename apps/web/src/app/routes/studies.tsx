import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useProject } from '../../features/projects/api/get-project';
import { StudiesTable } from '../../features/studies/components/studies-table';
import { AddStudyForm } from '../../features/studies/components/add-study-form';
import { isNotFound } from '../../components/error-text';
import { FormError } from '../../components/form-error';
import { ProjectNotFound } from '../../components/not-found';
import { SkeletonRows } from '../../components/skeleton';

export function StudiesRoute() {
  const { projectId = '' } = useParams();
  const project = useProject(projectId);
  const navigate = useNavigate();
  const [adding, setAdding] = useState(false);
  // The search lives in the URL so Back and shared links keep it.
  const [params, setParams] = useSearchParams();
  const search = params.get('q') ?? '';

  if (isNotFound(project.error)) return <ProjectNotFound />;
  const canAdd = project.data && project.data.role !== 'viewer';

  return (
    <main className="page">
      <div className="page-head">
        <h1>{project.data?.name ?? 'Studies'}</h1>
        <Link to={`/projects/${projectId}/analysis/frequencies`} className="button">
          Analysis
        </Link>
        <Link to={`/projects/${projectId}/settings`} className="button">
          <span aria-hidden="true">⚙</span> Project settings
        </Link>
        {canAdd && !adding && (
          <button type="button" className="button button-primary" onClick={() => setAdding(true)}>
            Add study
          </button>
        )}
      </div>
      {project.isPending && <SkeletonRows count={1} />}
      <FormError error={project.error} />
      {adding && (
        <AddStudyForm
          projectId={projectId}
          onCancel={() => setAdding(false)}
          onCreated={(study) => navigate(`/projects/${projectId}/studies/${study.id}`)}
        />
      )}
      <div className="section search-row">
        <label htmlFor="study-search">Search studies</label>
        <input
          id="study-search"
          type="search"
          placeholder="Words in the title"
          value={search}
          onChange={(e) =>
            setParams(e.target.value ? { q: e.target.value } : {}, { replace: true })
          }
        />
      </div>
      <StudiesTable projectId={projectId} search={search} />
    </main>
  );
}
