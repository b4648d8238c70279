import { useMemo } from 'react';
import { useParams } from 'react-router';
import { useProject } from '../../features/projects/api/get-project';
import { useCodes } from '../../lib/queries/get-codes';
import { ReviewPage } from '../../features/agreement/components/review-page';
import { SupervisorsOnly } from '../../features/agreement/components/supervisors-only';
import { isNotFound } from '../../components/error-text';
import { FormError } from '../../components/form-error';
import { ProjectNotFound } from '../../components/not-found';
import { SkeletonRows } from '../../components/skeleton';

/** The disagreement review of one document, for owners and supervisors. */
export function AgreementReviewRoute() {
  const { projectId = '', documentId = '' } = useParams();
  const project = useProject(projectId);
  const codes = useCodes(projectId);
  const codeName = useMemo(() => {
    const names = new Map((codes.data ?? []).map((c) => [c.id, c.name]));
    return (id: string) => names.get(id) ?? 'Deleted code';
  }, [codes.data]);

  if (isNotFound(project.error)) return <ProjectNotFound />;
  const role = project.data?.role;
  return (
    <main className="page page-wide agreement-page">
      {!project.data ? (
        <>
          <FormError error={project.error} />
          <SkeletonRows count={6} label="Loading the project" />
        </>
      ) : role !== 'owner' && role !== 'supervisor' ? (
        <>
          <h1>Disagreement review</h1>
          <SupervisorsOnly />
        </>
      ) : (
        <ReviewPage projectId={projectId} documentId={documentId} codeName={codeName} />
      )}
    </main>
  );
}
