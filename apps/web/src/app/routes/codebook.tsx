import { useMemo } from 'react';
import { useParams } from 'react-router';
import { useProject } from '../../features/projects/api/get-project';
import { useFrequencies } from '../../features/analysis/api/get-frequencies';
import { useCodeExamples } from '../../features/codebook/api/get-code-examples';
import { codebookExportUrl } from '../../features/exports/api/codebook-export';
import { refiExportUrl } from '../../features/exports/api/refi-export';
import {
  CodebookDocument,
  type CodeCounts,
} from '../../features/codebook/components/codebook-document';
import { useCodes } from '../../lib/queries/get-codes';
import { isNotFound } from '../../components/error-text';
import { FormError } from '../../components/form-error';
import { ProjectNotFound } from '../../components/not-found';
import { SkeletonRows } from '../../components/skeleton';

const EVERYTHING = { coders: [], codes: [], attr: [] };

/**
 * The project's codebook as a page of its own (issue 11): readable and printable, where a team
 * discusses its codes away from any one study. Counts come from the frequencies view.
 */
export function CodebookRoute() {
  const { projectId = '' } = useParams();
  const project = useProject(projectId);
  const codes = useCodes(projectId);
  const frequencies = useFrequencies(projectId, EVERYTHING);
  const examples = useCodeExamples(projectId, 2);
  const counts = useMemo(
    () =>
      new Map<string, CodeCounts>(
        (frequencies.data?.codes ?? []).map((c) => [
          c.codeId,
          { highlights: c.highlights, studies: c.studies },
        ]),
      ),
    [frequencies.data],
  );
  if (isNotFound(project.error)) return <ProjectNotFound />;
  const themes = (codes.data ?? []).filter((c) => c.parentId === null).length;
  return (
    <main className="page page-codebook">
      <div className="page-head">
        <h1>Codebook</h1>
        <div className="page-actions no-print">
          <button type="button" className="button" onClick={() => window.print()}>
            Print
          </button>
          <a
            className="button"
            href={codebookExportUrl(projectId, 'docx', EVERYTHING, { examples: 2 })}
            download
          >
            Word
          </a>
          <a className="button" href={codebookExportUrl(projectId, 'csv', EVERYTHING)} download>
            CSV
          </a>
          <a
            className="button"
            href={refiExportUrl(projectId, 'codebook.qdc', EVERYTHING)}
            download
          >
            REFI-QDA (.qdc)
          </a>
        </div>
      </div>
      {project.data && codes.data && (
        <p className="muted">
          {project.data.name}: {themes} {themes === 1 ? 'theme' : 'themes'}, {codes.data.length}{' '}
          {codes.data.length === 1 ? 'code' : 'codes'} in all
        </p>
      )}
      <FormError error={project.error ?? codes.error ?? frequencies.error ?? examples.error} />
      {codes.data ? (
        <CodebookDocument
          projectId={projectId}
          codes={codes.data}
          counts={counts}
          totalStudies={frequencies.data?.totalStudies ?? 0}
          examples={examples.data?.examples ?? []}
        />
      ) : (
        <SkeletonRows count={10} label="Loading the codebook" />
      )}
    </main>
  );
}
