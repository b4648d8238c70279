import { Link } from 'react-router';
import type { MemoView } from '@kodbok/contracts';
import { groupMemos } from '../lib/group-memos';
import { OtherMemo } from './memo-panel';

/**
 * Every memo of the project the reader may see, by what it is about; a study's or document's
 * memo links to the study in the workspace. Memo text is shown as text, never as markup.
 */
export function MemoList({ projectId, memos }: { projectId: string; memos: readonly MemoView[] }) {
  const groups = groupMemos(memos);
  if (groups.length === 0) return <p className="muted">No memos yet.</p>;
  return (
    <div className="memo-list">
      {groups.map((g) => (
        <section key={g.kind} aria-labelledby={`memos-${g.kind}`}>
          <h3 id={`memos-${g.kind}`}>{g.heading}</h3>
          <ul className="memo-targets">
            {g.targets.map((t) => (
              <li key={t.key}>
                {g.kind !== 'project' && (
                  <p className="memo-target">
                    {t.studyId ? (
                      <Link to={targetLink(projectId, t.studyId, g.kind, t.key)}>{t.label}</Link>
                    ) : (
                      t.label
                    )}
                  </p>
                )}
                <ul className="memo-others">
                  {t.memos.map((m) => (
                    <OtherMemo key={m.id} memo={m} />
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

function targetLink(projectId: string, studyId: string, kind: string, targetId: string) {
  const base = `/projects/${projectId}/studies/${studyId}`;
  return kind === 'document' ? `${base}?document=${encodeURIComponent(targetId)}` : base;
}
