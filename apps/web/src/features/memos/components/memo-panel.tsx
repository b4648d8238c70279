import type { MemoView } from '@kodbok/contracts';
import { MemoField } from '../../../components/memo-field';
import { FormError } from '../../../components/form-error';
import { memoKey, useMemos, useSaveMemo, type MemoTarget } from '../api/memos';

/**
 * The memos on one target (the project, a study, a document, a code): the reader's own, saved as
 * they type when they may code, and below it, read-only, the others' they may read.
 */
export function MemoPanel({
  projectId,
  target,
  label,
  meId,
  canWrite,
  placeholder,
}: {
  projectId: string;
  target: MemoTarget;
  label: string;
  meId: string;
  canWrite: boolean;
  placeholder?: string;
}) {
  const memos = useMemos(projectId, target);
  const save = useSaveMemo(projectId, target);
  const list = memos.data?.memos ?? [];
  const mine = list.find((m) => m.userId === meId);
  const others = list.filter((m) => m.userId !== meId);
  if (memos.error) return <FormError error={memos.error} />;
  return (
    <div className="memo-panel">
      {canWrite && memos.data && (
        <MemoField
          key={memoKey(target)}
          memoKey={memoKey(target)}
          label={label}
          stored={mine?.text ?? ''}
          editable
          save={save}
          placeholder={placeholder}
        />
      )}
      {!canWrite && others.length === 0 && memos.data && (
        <p className="muted">No {label.toLowerCase()} yet.</p>
      )}
      {others.length > 0 && (
        <ul className="memo-others" aria-label={`Others’ ${label.toLowerCase()}s`}>
          {others.map((m) => (
            <OtherMemo key={m.id} memo={m} />
          ))}
        </ul>
      )}
    </div>
  );
}

/** Someone else's memo, read-only: the text, who wrote it and when. */
export function OtherMemo({ memo }: { memo: MemoView }) {
  return (
    <li className="memo-other">
      <p className="memo-other-text">{memo.text}</p>
      <p className="muted memo-other-by">
        {memo.userName}, <time dateTime={memo.updatedAt}>{memo.updatedAt.slice(0, 10)}</time>
      </p>
    </li>
  );
}
