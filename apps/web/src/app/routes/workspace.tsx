import { useEffect, useMemo, useRef, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import type { Project, Study, User } from '@kodbok/contracts';
import { useMe } from '../../features/auth/api/get-me';
import { useProject } from '../../features/projects/api/get-project';
import { useMembers } from '../../features/projects/api/get-members';
import { IndependentCodingBadge } from '../../features/projects/components/independent-coding-badge';
import { useStudy } from '../../features/studies/api/get-study';
import { StudySidebar, type AssignedState } from '../../features/studies/components/study-sidebar';
import { CodingProvider } from '../../features/coding/components/coding-provider';
import { DocumentPane } from '../../features/coding/components/document-pane';
import { HighlightDetails } from '../../features/coding/components/highlight-details';
import { useCodeEmphasis } from '../../features/coding/hooks/use-code-emphasis';
import { useCoderView, type CoderView } from '../../features/coding/hooks/use-coder-view';
import { CodebookPane } from '../../features/codebook/components/codebook-pane';
import { useAssignments } from '../../features/assignments/api/get-assignments';
import { DoneButton } from '../../features/assignments/components/done-button';
import { FormError } from '../../components/form-error';
import { can } from '../../lib/policy';
import { SkeletonRows } from '../../components/skeleton';
import { isNotFound } from '../../components/error-text';
import { NotFoundPage } from '../../components/not-found';
import { StudyDetails } from './study-details';
import { StudyMemos } from './study-memos';
import { SplitHandle, useSplit } from '../../components/split-handle';
import { useOutsideClose } from '../../hooks/use-outside-close';
import { ASIDE_SPLIT } from '../../lib/split';

const NOBODY = { id: '', name: '' };

/**
 * The coding workspace: studies | document | codebook with the selected highlight beneath.
 * Composes the features; the coding context spans the document and the details panel. Whose
 * coding is shown (useCoderView) drives the document, the codebook counts and the study counts.
 */
export function WorkspaceRoute() {
  const { projectId = '', studyId = '' } = useParams();
  const me = useMe();
  const project = useProject(projectId);
  const study = useStudy(studyId);
  const members = useMembers(projectId);
  const view = useCoderView({
    projectId,
    me: me.data ?? NOBODY,
    role: project.data?.role ?? 'viewer',
    independentCoding: project.data?.independentCoding ?? false,
    members: members.data,
  });
  const assigned = useMyAssignments(projectId, me.data ?? undefined, project.data);
  // ?document=…&highlight=… land on one passage (links from the analysis excerpts).
  const [params] = useSearchParams();
  const documentId = params.get('document') ?? study.data?.documents[0]?.id;

  const { studiesOpen, setStudiesOpen, panelRef, toggleRef } = useStudiesDrawer(studyId);

  if (isNotFound(study.error) || isNotFound(project.error))
    return <NotFoundPage title="Study not found" />;
  const mine = assigned.get(studyId);
  const tools = project.data && (
    <>
      <button
        type="button"
        className="button button-small studies-toggle"
        aria-expanded={studiesOpen}
        aria-controls="workspace-studies"
        ref={toggleRef}
        onClick={() => setStudiesOpen(!studiesOpen)}
      >
        Studies
      </button>
      <IndependentCodingBadge project={project.data} />
      {mine && me.data && (
        <DoneButton
          projectId={projectId}
          studyId={studyId}
          userId={me.data.id}
          done={mine === 'done'}
        />
      )}
    </>
  );
  return (
    <div className={studiesOpen ? 'workspace workspace-studies-open' : 'workspace'}>
      <section
        className="workspace-studies"
        id="workspace-studies"
        aria-label="Study list"
        ref={panelRef}
      >
        {project.data ? (
          <StudySidebar
            projectId={projectId}
            activeStudyId={studyId}
            coders={view.coders}
            assigned={assigned}
          />
        ) : (
          <SkeletonRows count={8} label="Loading studies" />
        )}
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
          canEditCodebook={can(project.data.role, 'editCodebook', project.data)}
          view={view}
          initialHighlightId={params.get('highlight') ?? undefined}
        >
          <DocumentPane study={study.data} tools={tools} />
          <WorkspaceAside
            project={project.data}
            study={study.data}
            view={view}
            documentId={documentId}
            meId={me.data.id}
          />
        </CodingProvider>
      )}
    </div>
  );
}

/**
 * Below 1280 px wide the study list folds away so the text keeps a readable measure; the
 * "Studies" button opens it over the document. It closes on Escape, on a click outside, and
 * when another study is opened.
 */
function useStudiesDrawer(studyId: string) {
  const [open, setOpen] = useState(false);
  const panelRef = useRef<HTMLElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const [shownFor, setShownFor] = useState(studyId);
  // Another study opened from the list: the drawer has done its job (state set while rendering,
  // as React advises for state that follows a prop).
  if (shownFor !== studyId) {
    setShownFor(studyId);
    setOpen(false);
  }
  useOutsideClose(open, () => setOpen(false), [panelRef, toggleRef], toggleRef);
  // Escape closes it wherever focus is, and focus goes back to the button that opened it.
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      toggleRef.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);
  return { studiesOpen: open, setStudiesOpen: setOpen, panelRef, toggleRef };
}

/** The viewer's own assignments by study: the sidebar marks them, the pane offers "done". */
function useMyAssignments(
  projectId: string,
  me: User | undefined,
  project: Project | undefined,
): ReadonlyMap<string, AssignedState> {
  const assignments = useAssignments(projectId, {
    enabled: can(project?.role, 'code'),
  });
  const list = assignments.data?.assignments;
  return useMemo(
    () =>
      new Map(
        (list ?? [])
          .filter((a) => a.userId === me?.id)
          .map((a) => [a.studyId, a.doneAt === null ? 'open' : 'done'] as const),
      ),
    [list, me?.id],
  );
}

function WorkspaceAside({
  project,
  study,
  view,
  documentId,
  meId,
}: {
  project: Project;
  study: Study;
  view: CoderView;
  documentId: string;
  meId: string;
}) {
  const emphasiseCode = useCodeEmphasis();
  const canEdit = can(project.role, 'editCodebook', project);
  const aside = useRef<HTMLElement>(null);
  // The codebook above, the selected highlight and the memos below, each scrolling on its own:
  // the details are in view however long the codebook is; the user moves the line between.
  const [split, setSplit] = useSplit('kodbok.workspace.asideSplit', ASIDE_SPLIT);
  return (
    <aside
      className="workspace-aside"
      aria-label="Codebook and selected highlight"
      ref={aside}
      style={{ gridTemplateRows: `minmax(0, ${split}fr) auto minmax(0, ${100 - split}fr)` }}
    >
      <div className="aside-pane" id="aside-codebook">
        <CodebookPane
          projectId={project.id}
          coders={view.coders}
          canEdit={canEdit}
          onHoverCode={emphasiseCode}
        />
      </div>
      <SplitHandle
        label="Resize the codebook and the details"
        value={split}
        onChange={setSplit}
        bounds={ASIDE_SPLIT}
        container={aside}
        controls="aside-codebook"
      />
      <div className="aside-pane">
        <HighlightDetails />
        <StudyMemos
          projectId={project.id}
          study={study}
          documentId={documentId}
          meId={meId}
          canWrite={can(project.role, 'code')}
        />
        <StudyDetails project={project} study={study} />
      </div>
    </aside>
  );
}
