import type { Highlight } from '@kodbok/contracts';
import { MemoField } from '../../../components/memo-field';
import { useCoding } from '../hooks/coding-context';

/** The memo of the selected highlight, saved as it is typed (MemoField). */
export function HighlightMemo({
  highlight,
  editable,
}: {
  highlight: Highlight;
  editable: boolean;
}) {
  const { actions } = useCoding();
  return (
    <MemoField
      memoKey={highlight.id}
      label="Memo"
      stored={highlight.memo ?? ''}
      editable={editable}
      save={(text, keepalive) => actions.saveMemo(highlight, text, keepalive)}
    />
  );
}
