import { useId } from 'react';
import { useMemoDraft } from '../hooks/use-memo-draft';
import { memoStatusText } from '../lib/memo-drafts';

/**
 * A memo saved as it is typed (600 ms after the last key), when the field is left, and when the
 * field goes (another highlight, study or page): a highlight's, a study's, a code's. It shows
 * the draft under way, or the memo as stored (so an undo or a colleague's change shows without
 * syncing state).
 */
export function MemoField({
  memoKey,
  label,
  stored,
  editable,
  save,
  rows = 3,
  placeholder,
}: {
  /** Names the memo among the page's drafts: a highlight's id, "study:<id>"… */
  memoKey: string;
  label: string;
  stored: string;
  editable: boolean;
  save: (text: string | null, keepalive: boolean) => Promise<boolean>;
  rows?: number;
  placeholder?: string;
}) {
  const id = useId();
  const memo = useMemoDraft(memoKey, stored, save);
  return (
    <div className="details-memo">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        name="memo"
        rows={rows}
        value={memo.draft?.text ?? stored}
        onChange={(e) => memo.edit(e.target.value)}
        onBlur={memo.flush}
        readOnly={!editable}
        maxLength={20_000}
        placeholder={placeholder}
        aria-describedby={`${id}-status`}
      />
      {/* Always in the DOM: a live region announces changes only once it exists. */}
      <p className="details-memo-status muted" id={`${id}-status`} role="status">
        {editable && memoStatusText(memo.status)}
        {editable && memo.status === 'failed' && (
          <>
            {' — '}
            <button type="button" className="button button-small" onClick={memo.flush}>
              Retry
            </button>
          </>
        )}
      </p>
    </div>
  );
}
