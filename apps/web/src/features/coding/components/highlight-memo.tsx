import { useId } from 'react';
import type { Highlight } from '@kodbok/contracts';
import { useCoding } from '../hooks/coding-context';
import { useMemoDraft } from '../hooks/use-memo-draft';
import { memoStatusText } from '../lib/memo-drafts';

/**
 * The memo of the selected highlight, saved as it is typed (600 ms after the last key), when the
 * field is left, and when another highlight or study is opened. It shows the draft under way, or
 * the memo as stored (so an undo or a colleague's change shows without syncing state).
 */
export function HighlightMemo({
  highlight,
  editable,
}: {
  highlight: Highlight;
  editable: boolean;
}) {
  const { actions } = useCoding();
  const id = useId();
  const stored = highlight.memo ?? '';
  const memo = useMemoDraft(highlight.id, stored, (text, keepalive) =>
    actions.saveMemo(highlight, text, keepalive),
  );
  return (
    <div className="details-memo">
      <label htmlFor={id}>Memo</label>
      <textarea
        id={id}
        name="memo"
        rows={3}
        value={memo.draft?.text ?? stored}
        onChange={(e) => memo.edit(e.target.value)}
        onBlur={memo.flush}
        readOnly={!editable}
        maxLength={20_000}
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
