import type { Study } from '@kodbok/contracts';
import { useMemos } from '../../features/memos/api/memos';
import { MemoPanel } from '../../features/memos/components/memo-panel';

/**
 * The study's memo and the open document's, beside the text they are about. Folded away unless
 * there is a memo to read, so the codebook keeps its room.
 */
export function StudyMemos({
  projectId,
  study,
  documentId,
  meId,
  canWrite,
}: {
  projectId: string;
  study: Study;
  documentId: string;
  meId: string;
  canWrite: boolean;
}) {
  const studyMemos = useMemos(projectId, { on: 'study', id: study.id });
  const documentMemos = useMemos(projectId, { on: 'document', id: documentId });
  const count = (studyMemos.data?.memos.length ?? 0) + (documentMemos.data?.memos.length ?? 0);
  const kind = study.documents.find((d) => d.id === documentId)?.kind ?? 'document';
  return (
    <details className="study-details" open={count > 0 || undefined}>
      <summary>
        Study memos <span className="count muted">{count}</span>
      </summary>
      <div className="study-memos">
        <MemoPanel
          projectId={projectId}
          target={{ on: 'study', id: study.id }}
          label="Study memo"
          meId={meId}
          canWrite={canWrite}
        />
        <MemoPanel
          projectId={projectId}
          target={{ on: 'document', id: documentId }}
          label={`Memo on this ${kind}`}
          meId={meId}
          canWrite={canWrite}
        />
      </div>
    </details>
  );
}
