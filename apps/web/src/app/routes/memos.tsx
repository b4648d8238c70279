import { useId, useState } from 'react';
import { useParams } from 'react-router';
import { useMe } from '../../features/auth/api/get-me';
import { useProject } from '../../features/projects/api/get-project';
import { useAllMemos } from '../../features/memos/api/memos';
import { MemoPanel } from '../../features/memos/components/memo-panel';
import { MemoList } from '../../features/memos/components/memo-list';
import { useCodes } from '../../lib/queries/get-codes';
import { can } from '../../lib/policy';
import { isNotFound } from '../../components/error-text';
import { FormError } from '../../components/form-error';
import { ProjectNotFound } from '../../components/not-found';
import { SkeletonRows } from '../../components/skeleton';
import { placeCodes } from '@kodbok/core';
import { exportEndpoints } from '@kodbok/contracts';
import { urlOf } from '../../lib/api-client';

/**
 * The project's memos in one place, as NVivo's Memos folder and MAXQDA's memo manager have them:
 * the reader's project memo and a memo on any code, then every memo they may read, by what it is
 * about. Study and document memos are written in the workspace beside the text.
 */
export function MemosRoute() {
  const { projectId = '' } = useParams();
  const me = useMe();
  const project = useProject(projectId);
  const memos = useAllMemos(projectId);
  if (isNotFound(project.error)) return <ProjectNotFound />;
  const canWrite = can(project.data?.role, 'code');
  const memosFile = (format: 'md' | 'docx') =>
    urlOf(exportEndpoints.exportMemos, { params: { projectId, format } });
  return (
    <main className="page">
      <div className="page-head">
        <h1>Memos</h1>
        <div className="page-actions">
          <a className="button" href={memosFile('md')} download>
            Export Markdown
          </a>
          <a className="button" href={memosFile('docx')} download>
            Export Word
          </a>
        </div>
      </div>
      <FormError error={project.error ?? memos.error} />
      {!project.data || !me.data ? (
        !project.error && <SkeletonRows count={6} label="Loading memos" />
      ) : (
        <>
          {canWrite && (
            <div className="memo-writing">
              <section aria-labelledby="project-memo-heading">
                <h2 id="project-memo-heading">Project memo</h2>
                <MemoPanel
                  projectId={projectId}
                  target={{ on: 'project' }}
                  label="My project memo"
                  meId={me.data.id}
                  canWrite
                  placeholder="The synthesis so far, decisions, questions for the team…"
                />
              </section>
              <CodeMemo projectId={projectId} meId={me.data.id} />
            </div>
          )}
          <section className="section" aria-labelledby="all-memos-heading">
            <h2 id="all-memos-heading">All memos</h2>
            {memos.data ? (
              <MemoList projectId={projectId} memos={memos.data.memos} />
            ) : (
              <SkeletonRows count={4} label="Loading memos" />
            )}
          </section>
        </>
      )}
    </main>
  );
}

/** A memo on a code chosen from the codebook (its description is the codebook's to edit). */
function CodeMemo({ projectId, meId }: { projectId: string; meId: string }) {
  const codes = useCodes(projectId);
  const [codeId, setCodeId] = useState('');
  const id = useId();
  const placed = placeCodes(codes.data ?? []);
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Code memo</h2>
      <label htmlFor={id}>Code</label>
      <select id={id} value={codeId} onChange={(e) => setCodeId(e.target.value)}>
        <option value="">Choose a code…</option>
        {placed.map((c) => (
          <option key={c.id} value={c.id}>
            {c.path}
          </option>
        ))}
      </select>
      {codeId && (
        <MemoPanel
          key={codeId}
          projectId={projectId}
          target={{ on: 'code', id: codeId }}
          label="My memo on this code"
          meId={meId}
          canWrite
        />
      )}
    </section>
  );
}
