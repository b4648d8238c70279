import type { Code } from '@kodbok/contracts';
import { Dialog } from '../../../components/dialog';
import { ColourForm, DefinitionForm, NameForm } from './code-forms';
import { DeleteForm, MergeForm, MoveForm } from './code-structure-forms';

export type CodeAction =
  | { kind: 'new'; parentId: string | null }
  | { kind: 'rename' | 'colour' | 'definition' | 'move' | 'merge' | 'delete'; code: Code };

const TITLES: Record<CodeAction['kind'], string> = {
  new: 'New code',
  rename: 'Rename code',
  colour: 'Colour',
  definition: 'Edit definition',
  move: 'Move to…',
  merge: 'Merge into…',
  delete: 'Delete code',
};

/** One native <dialog> for every codebook edit: focus is trapped, Esc closes, the page is inert. */
export function CodeDialog({
  action,
  codes,
  projectId,
  onClose,
}: {
  action: CodeAction | null;
  codes: readonly Code[];
  projectId: string;
  onClose: () => void;
}) {
  const title =
    action && (action.kind === 'new' ? TITLES.new : `${TITLES[action.kind]} — ${action.code.name}`);
  const props = { codes, projectId, onDone: onClose };
  return (
    <Dialog open={action !== null} onClose={onClose} labelledBy="code-dialog-title">
      {action && (
        <div className="code-dialog">
          <h2 id="code-dialog-title">{title}</h2>
          {action.kind === 'new' && <NameForm {...props} parentId={action.parentId} />}
          {action.kind === 'rename' && <NameForm {...props} code={action.code} />}
          {action.kind === 'colour' && <ColourForm {...props} code={action.code} />}
          {action.kind === 'definition' && <DefinitionForm {...props} code={action.code} />}
          {action.kind === 'move' && <MoveForm {...props} code={action.code} />}
          {action.kind === 'merge' && <MergeForm {...props} code={action.code} />}
          {action.kind === 'delete' && <DeleteForm {...props} code={action.code} />}
        </div>
      )}
    </Dialog>
  );
}
