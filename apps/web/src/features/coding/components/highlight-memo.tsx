import { useId, type FormEvent } from 'react';
import type { Highlight } from '@kodbok/contracts';
import { useCoding } from '../hooks/coding-context';

/**
 * The memo as an uncontrolled form: the parent keys it by highlight and updatedAt, so switching
 * highlights or an undo shows the stored memo without syncing state.
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
  const save = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const memo = String(new FormData(event.currentTarget).get('memo') ?? '').trim();
    void actions.change(highlight, { memo: memo || null }, 'Memo saved');
  };
  return (
    <form className="details-memo" onSubmit={save}>
      <label htmlFor={id}>Memo</label>
      <textarea
        id={id}
        name="memo"
        rows={3}
        defaultValue={highlight.memo ?? ''}
        readOnly={!editable}
        maxLength={20_000}
      />
      {editable && (
        <button type="submit" className="button button-small">
          Save memo
        </button>
      )}
    </form>
  );
}
