import { useEffect, useRef, useState, type DragEvent } from 'react';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { useProject } from '../../features/projects/api/get-project';
import { IndependentCodingBadge } from '../../features/projects/components/independent-coding-badge';
import { ProjectNav } from '../../features/projects/components/project-nav';
import { StudiesTable } from '../../features/studies/components/studies-table';
import { AddStudyForm } from '../../features/studies/components/add-study-form';
import { BulkDeleteButton } from '../../features/studies/components/bulk-delete-button';
import { ImportPanel } from '../../features/imports/components/import-panel';
import { useImport } from '../../features/imports/hooks/use-import';
import { BulkAttributeForm } from '../../features/attributes/components/bulk-attribute-form';
import { isNotFound } from '../../components/error-text';
import { FormError } from '../../components/form-error';
import { ProjectNotFound } from '../../components/not-found';
import { SkeletonRows } from '../../components/skeleton';
import { ExportPanel } from '../../features/exports/components/export-panel';
import { NO_NAMES } from '../../features/exports/components/filters-in-force';
import { NO_FILTER } from '../../features/exports/api/export-params';
import type { Role } from '@kodbok/contracts';
import { can } from '../../lib/policy';
import { takeDroppedFiles } from '../../lib/early-drop';

type Panel = 'none' | 'import' | 'paste';

export function StudiesRoute() {
  const { projectId = '' } = useParams();
  const project = useProject(projectId);
  const navigate = useNavigate();
  const [panel, setPanel] = useState<Panel>('none');
  const [selected, setSelected] = useState<Set<string>>(() => new Set());
  const [exporting, setExporting] = useState(false);
  const importFlow = useImport(projectId);
  const waitingFiles = useRef<File[] | null>(null);
  // The search lives in the URL so Back and shared links keep it.
  const [params, setParams] = useSearchParams();
  const search = params.get('q') ?? '';

  function importFiles(files: File[]) {
    setPanel('import');
    if (!importFlow.busy) importFlow.choose(files);
  }
  // Files dropped while the session was loading, before this page was shown, wait here too.
  const { pathname } = useLocation();
  useEffect(() => {
    waitingFiles.current = takeDroppedFiles(pathname) ?? waitingFiles.current;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  // Files dropped before the role was known: imported once it is (an upload, so an effect).
  const role = project.data?.role;
  useEffect(() => {
    const files = waitingFiles.current;
    if (!files || project.isPending) return;
    waitingFiles.current = null;
    if (canManageProject(project.data)) importFiles(files);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [project.isPending, role]);

  if (isNotFound(project.error)) return <ProjectNotFound />;
  // Adding studies is for owners and supervisors (the server says so too).
  const canManage = canManageProject(project.data);

  // Files dragged anywhere onto the page open the import panel; dropped, they are previewed.
  // The browser's own handling (opening the file in place of Kodbok) is always prevented; files
  // dropped while the project, and so the role, is still loading wait for it.
  const dropHandlers = {
    onDragOver: (e: DragEvent) => {
      if (!e.dataTransfer.types.includes('Files')) return;
      e.preventDefault();
      if (canManage && panel !== 'import') setPanel('import');
    },
    onDrop: (e: DragEvent) => {
      if (e.dataTransfer.files.length === 0) return;
      e.preventDefault();
      const files = [...e.dataTransfer.files];
      if (canManage) importFiles(files);
      else if (project.isPending) waitingFiles.current = files;
    },
  };
  return (
    <main className="page" {...dropHandlers}>
      <div className="page-head">
        <h1>{project.data?.name ?? 'Studies'}</h1>
        {project.data && <IndependentCodingBadge project={project.data} />}
        {canManage && panel === 'none' && (
          <>
            <button type="button" className="button" onClick={() => setPanel('paste')}>
              Paste a study
            </button>
            <button
              type="button"
              className="button button-primary"
              onClick={() => setPanel('import')}
            >
              Import studies
            </button>
          </>
        )}
      </div>
      <ProjectNav>
        <Link to={`/projects/${projectId}/analysis/frequencies`} className="button">
          Analysis
        </Link>
        <button type="button" className="button" onClick={() => setExporting(true)}>
          Export…
        </button>
        {project.data && project.data.role !== 'viewer' && (
          <Link to={`/projects/${projectId}/progress`} className="button">
            {canManage ? 'Progress' : 'My queue'}
          </Link>
        )}
        {canManage && (
          <Link to={`/projects/${projectId}/agreement`} className="button">
            Agreement
          </Link>
        )}
        <Link to={`/projects/${projectId}/codebook`} className="button">
          Codebook
        </Link>
        <Link to={`/projects/${projectId}/memos`} className="button">
          Memos
        </Link>
        <Link to={`/projects/${projectId}/attributes`} className="button">
          Attributes
        </Link>
        <Link to={`/projects/${projectId}/settings`} className="button">
          <span aria-hidden="true">⚙</span> Project settings
        </Link>
      </ProjectNav>
      {project.isPending && <SkeletonRows count={1} />}
      <FormError error={project.error} />
      {panel === 'import' && (
        <ImportPanel
          flow={importFlow}
          onClose={() => {
            importFlow.reset();
            setPanel('none');
          }}
        />
      )}
      {panel === 'paste' && (
        <AddStudyForm
          projectId={projectId}
          onCancel={() => setPanel('none')}
          onCreated={(study) => navigate(`/projects/${projectId}/studies/${study.id}`)}
        />
      )}
      <div className="section search-row">
        <label htmlFor="study-search">Search studies</label>
        <input
          id="study-search"
          type="search"
          placeholder="Title, author, year or DOI"
          value={search}
          onChange={(e) =>
            setParams(e.target.value ? { q: e.target.value } : {}, { replace: true })
          }
        />
      </div>
      {canManage && selected.size > 0 && (
        <BulkAttributeForm
          projectId={projectId}
          studyIds={[...selected]}
          onDone={() => setSelected(new Set())}
        />
      )}
      {canManage && selected.size > 0 && (
        <p className="actions">
          <Link
            to={`/projects/${projectId}/progress`}
            state={{ studyIds: [...selected] }}
            className="button"
          >
            Assign the {selected.size} selected to coders…
          </Link>
          <BulkDeleteButton
            projectId={projectId}
            studyIds={[...selected]}
            onDeleted={() => setSelected(new Set())}
          />
        </p>
      )}
      <StudiesTable
        projectId={projectId}
        search={search}
        selection={canManage ? { selected, onChange: setSelected } : undefined}
        canEdit={canManage}
      />
      <ExportPanel
        open={exporting}
        onClose={() => setExporting(false)}
        projectId={projectId}
        filter={NO_FILTER}
        names={NO_NAMES}
      />
    </main>
  );
}

/** Adding, editing and deleting studies: the policy the server applies too. */
function canManageProject(project: { role: Role } | undefined): boolean {
  return can(project?.role, 'manageStudies');
}
