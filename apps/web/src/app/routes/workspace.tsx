import { useParams, useSearchParams } from 'react-router';
import type { Project, Study } from '@kodbok/contracts';
import { useMe } from '../../features/auth/api/get-me';
import { useProject } from '../../features/projects/api/get-project';
import { useStudy } from '../../features/studies/api/get-study';
import { StudySidebar } from '../../features/studies/components/study-sidebar';
import { CodingProvider } from '../../features/coding/components/coding-provider';
import { DocumentPane } from '../../features/coding/components/document-pane';
import { HighlightDetails } from '../../features/coding/components/highlight-details';
import { useCodeEmphasis } from '../../features/coding/hooks/use-code-emphasis';
import { CodebookPane } from '../../features/codebook/components/codebook-pane';
import { FormError } from '../../components/form-error';
import { SkeletonRows } from '../../components/skeleton';
import { isNotFound } from '../../components/error-text';
import { NotFoundPage } from '../../components/not-found';
import { StudyDetails } from './study-details';

/**
 * The coding workspace: studies | document | codebook with the selected highlight beneath.
 * Composes three features; the coding context spans the document and the details panel.
 */
export function WorkspaceRoute() {
  const { projectId = '', studyId = '' } = useParams();
  const me = useMe();
  const project = useProject(projectId);
  const study = useStudy(studyId);
  // ?document=…&highlight=… land on one passage (links from the analysis excerpts).
  const [params] = useSearchParams();
  const documentId = params.get('document') ?? study.data?.documents[0]?.id;

  if (isNotFound(study.error) || isNotFound(project.error))
    return <NotFoundPage title="Study not found" />;
  return (
    <div className="workspace">
      <section className="workspace-studies" aria-label="Study list">
        <StudySidebar projectId={projectId} activeStudyId={studyId} />
      </section>
      {!me.data || !project.data || !study.data ? (
        <main className="doc-pane" aria-busy="true">
          <FormError error={study.error ?? project.error} />
          <SkeletonRows count={12} label="Loading the study" />
        </main>
      ) : !documentId ? (
        <main className="doc-pane">
          <h1>{study.data.title}</h1>
          <p className="muted">This study has no text to code yet.</p>
          <StudyDetails project={project.data} study={study.data} open />
        </main>
      ) : (
        <CodingProvider
          projectId={projectId}
          documentId={documentId}
          me={me.data}
          role={project.data.role}
          initialHighlightId={params.get('highlight') ?? undefined}
        >
          <DocumentPane study={study.data} />
          <WorkspaceAside project={project.data} study={study.data} />
        </CodingProvider>
      )}
    </div>
  );
}

function WorkspaceAside({ project, study }: { project: Project; study: Study }) {
  const emphasiseCode = useCodeEmphasis();
  const canEdit =
    project.role === 'owner' ||
    project.role === 'supervisor' ||
    (project.role === 'coder' && project.coderCanEditCodebook);
  return (
    <aside className="workspace-aside" aria-label="Codebook and selected highlight">
      <CodebookPane projectId={project.id} canEdit={canEdit} onHoverCode={emphasiseCode} />
      <HighlightDetails />
      <StudyDetails project={project} study={study} />
    </aside>
  );
}
