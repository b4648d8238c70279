import type { Project } from '@kodbok/contracts';
import { codebookQdcUrl, projectQdpxUrl } from '../api/export-urls';
import { CodebookImportSection } from './codebook-import-section';
import '../refi.css';

/**
 * The project's REFI-QDA exchange: download it as a .qdpx (for NVivo, ATLAS.ti, MAXQDA,
 * QualCoder) or its codebook as a .qdc, and bring a codebook in where the member may edit it.
 */
export function RefiExchangeSection({ project }: { project: Project }) {
  const editsCodebook =
    project.role === 'owner' ||
    project.role === 'supervisor' ||
    (project.role === 'coder' && project.coderCanEditCodebook);
  return (
    <section className="section" aria-labelledby="refi-heading">
      <h2 id="refi-heading">REFI-QDA exchange</h2>
      <p className="muted">
        Other QDA tools (NVivo, ATLAS.ti, MAXQDA, QualCoder) open these files. The project holds the
        studies, texts, codebook, coding and memos you may see.
      </p>
      <div className="actions">
        <a className="button" href={projectQdpxUrl(project.id)} download>
          Download project.qdpx
        </a>
        <a className="button" href={codebookQdcUrl(project.id)} download>
          Download codebook.qdc
        </a>
      </div>
      {editsCodebook && <CodebookImportSection projectId={project.id} />}
    </section>
  );
}
