import { useMemo, useState } from 'react';
import { Navigate, NavLink, useLocation, useParams } from 'react-router';
import { CONSENSUS_CODER_ID, type CooccurrenceMode, type Project } from '@kodbok/contracts';
import { flattenTree } from '@kodbok/core';
import { useProject } from '../../features/projects/api/get-project';
import { useMe } from '../../features/auth/api/get-me';
import { useMembers } from '../../features/projects/api/get-members';
import { useCodes } from '../../lib/queries/get-codes';
import { useAnalysisParams } from '../../features/analysis/hooks/use-analysis-filter';
import { FilterBar } from '../../features/analysis/components/filter-bar';
import { ViewControls } from '../../features/analysis/components/view-controls';
import { FrequenciesView } from '../../features/analysis/components/frequencies-view';
import { MatrixView } from '../../features/analysis/components/matrix-view';
import { CrosstabView } from '../../features/analysis/components/crosstab-view';
import { CooccurrenceView } from '../../features/analysis/components/cooccurrence-view';
import { ExcerptsView } from '../../features/analysis/components/excerpts-view';
import {
  ExcerptsDrawer,
  type CellTarget,
} from '../../features/analysis/components/excerpts-drawer';
import { isNotFound } from '../../components/error-text';
import { ProjectNotFound } from '../../components/not-found';
import { ExportPanel } from '../../features/exports/components/export-panel';

const VIEWS = [
  ['frequencies', 'Frequencies'],
  ['matrix', 'Theme × study matrix'],
  ['crosstab', 'Cross-tab'],
  ['cooccurrence', 'Co-occurrence'],
  ['excerpts', 'Excerpts'],
] as const;
type View = (typeof VIEWS)[number][0];

/** Looking across studies: the analysis views share one filter (in the URL) and one excerpts drawer. */
export function AnalysisRoute() {
  const { projectId = '', view = '' } = useParams();
  const location = useLocation();
  const project = useProject(projectId);
  const analysis = useAnalysisParams();
  const me = useMe();
  const options = useFilterOptions(projectId, project.data, me.data?.id);
  const [cell, setCell] = useState<CellTarget | null>(null);
  const [exporting, setExporting] = useState(false);

  if (isNotFound(project.error)) return <ProjectNotFound />;
  if (!VIEWS.some(([v]) => v === view))
    return (
      <Navigate to={`/projects/${projectId}/analysis/frequencies${location.search}`} replace />
    );
  const title = VIEWS.find(([v]) => v === view)![1];
  const { filter, params } = analysis;
  return (
    <main className="page page-wide analysis-page">
      <div className="page-head">
        <h1>Analysis: {title}</h1>
        <button type="button" className="button" onClick={() => setExporting(true)}>
          Export…
        </button>
      </div>
      <nav className="tabs" aria-label="Analysis views">
        {VIEWS.map(([v, label]) => (
          <NavLink key={v} to={`/projects/${projectId}/analysis/${v}${location.search}`}>
            {label}
          </NavLink>
        ))}
      </nav>
      <FilterBar
        projectId={projectId}
        analysis={analysis}
        codes={options.codes}
        coders={options.coders}
      />
      <ViewControls projectId={projectId} view={view as View} analysis={analysis} />
      {view === 'frequencies' && <FrequenciesView projectId={projectId} filter={filter} />}
      {view === 'matrix' && (
        <MatrixView
          // A new filter or grouping starts again at the first page of studies.
          key={JSON.stringify([filter, params.get('groupBy')])}
          projectId={projectId}
          filter={filter}
          groupBy={params.get('groupBy')}
          ticks={params.get('show') === 'ticks'}
          onOpenCell={setCell}
        />
      )}
      {view === 'crosstab' && (
        <CrosstabView projectId={projectId} filter={filter} attribute={params.get('attribute')} />
      )}
      {view === 'cooccurrence' && (
        <CooccurrenceView
          projectId={projectId}
          filter={filter}
          onOpenCell={setCell}
          mode={(params.get('mode') as CooccurrenceMode | null) ?? 'highlight'}
        />
      )}
      {view === 'excerpts' && (
        <ExcerptsView
          projectId={projectId}
          filter={filter}
          q={params.get('q') ?? ''}
          onSearch={(q) => analysis.set('q', q)}
          codeName={options.codeName}
        />
      )}
      <ExcerptsDrawer
        projectId={projectId}
        filter={filter}
        target={cell}
        codeName={options.codeName}
        onClose={() => setCell(null)}
      />
      <ExportPanel
        open={exporting}
        onClose={() => setExporting(false)}
        projectId={projectId}
        filter={filter}
        names={{ code: options.codeName, coder: options.coderName }}
        initialWhat={view === 'matrix' ? 'table' : 'excerpts'}
      />
    </main>
  );
}

/**
 * Codes (indented, codebook order) and coders to filter by, from the codebook and members. With
 * independent coding a coder may filter only by their own coding (the server refuses others').
 */
function useFilterOptions(projectId: string, project: Project | undefined, myId?: string) {
  const codes = useCodes(projectId);
  const members = useMembers(projectId);
  const blind =
    project?.independentCoding === true && (project.role === 'coder' || project.role === 'viewer');
  return useMemo(() => {
    const tree = flattenTree(codes.data ?? []);
    const names = new Map(tree.map((c) => [c.id, c.name]));
    const coderNames = new Map((members.data ?? []).map((m) => [m.userId, m.name]));
    return {
      codes: tree.map((c) => ({ id: c.id, name: c.name, depth: c.depth })),
      coders: (members.data ?? [])
        .filter((m) => m.role !== 'viewer' && (!blind || m.userId === myId))
        .map((m) => ({ id: m.userId, name: m.name })),
      codeName: (id: string) => names.get(id) ?? 'Deleted code',
      coderName: (id: string) =>
        coderNames.get(id) ?? (id === CONSENSUS_CODER_ID ? 'Consensus' : id === 'me' ? 'Me' : id),
    };
  }, [codes.data, members.data, blind, myId]);
}
