import { useState, type FormEvent } from 'react';
import type { Code } from '@kodbok/contracts';
import { descendantIds, flattenTree } from '@kodbok/core';
import { FormError } from '../../../components/form-error';
import { useToast } from '../../../components/toast';
import { useUpdateCode } from '../api/update-code';
import { useMergeCode } from '../api/merge-code';
import { useDeleteCode, type DeleteCodeChoice } from '../api/delete-code';
import { DialogButtons, type FormProps } from './dialog-buttons';

/** Codes `code` may go under or into: never itself or anything below it (a cycle). */
function otherCodes(codes: readonly Code[], code: Code) {
  const below = descendantIds(codes, code.id);
  return flattenTree(codes).filter((c) => c.id !== code.id && !below.has(c.id));
}

function CodeOptions({ codes }: { codes: ReturnType<typeof otherCodes> }) {
  return codes.map((c) => (
    <option key={c.id} value={c.id}>
      {'\u00a0\u00a0'.repeat(c.depth)}
      {c.name}
    </option>
  ));
}

/** "Move to…": the keyboard way to re-parent, listing only valid parents. */
export function MoveForm({ codes, projectId, onDone, code }: FormProps & { code: Code }) {
  const update = useUpdateCode(projectId);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const parentId = String(new FormData(e.currentTarget).get('parent') ?? '') || null;
    update.mutate({ codeId: code.id, body: { parentId } }, { onSuccess: onDone });
  };
  return (
    <form className="form" onSubmit={submit}>
      <div className="field">
        <label htmlFor="move-parent">New parent</label>
        <select id="move-parent" name="parent" defaultValue={code.parentId ?? ''} autoFocus>
          <option value="">Top level</option>
          <CodeOptions codes={otherCodes(codes, code)} />
        </select>
      </div>
      <FormError error={update.error} />
      <DialogButtons submit="Move" onCancel={onDone} pending={update.isPending} />
    </form>
  );
}

/** Merge: highlights and children go to the target; the toast says what happened. */
export function MergeForm({ codes, projectId, onDone, code }: FormProps & { code: Code }) {
  const merge = useMergeCode(projectId);
  const notify = useToast();
  const targets = otherCodes(codes, code);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const intoCodeId = String(new FormData(e.currentTarget).get('target') ?? '');
    merge.mutate(
      { codeId: code.id, intoCodeId },
      {
        onSuccess: (target) => {
          notify({
            message: `Merged “${code.name}” into “${target.name}” (now ${target.highlightCount} highlights)`,
          });
          onDone();
        },
      },
    );
  };
  return (
    <form className="form" onSubmit={submit}>
      <p className="muted">
        Its {code.highlightCount} highlights and its sub-codes move to the target; “{code.name}” is
        removed.
      </p>
      <div className="field">
        <label htmlFor="merge-target">Merge into</label>
        <select id="merge-target" name="target" required autoFocus>
          <CodeOptions codes={targets} />
        </select>
      </div>
      <FormError error={merge.error} />
      <DialogButtons
        submit="Merge"
        onCancel={onDone}
        pending={merge.isPending || targets.length === 0}
      />
    </form>
  );
}

/** Delete; a code in use needs a decision about its highlights (delete them, or move them). */
export function DeleteForm({ codes, projectId, onDone, code }: FormProps & { code: Code }) {
  const remove = useDeleteCode(projectId);
  const [mode, setMode] = useState<'delete' | 'move'>('move');
  const inUse = code.highlightCount > 0;
  const targets = flattenTree(codes).filter((c) => c.id !== code.id);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const moveTo = String(new FormData(e.currentTarget).get('moveTo') ?? '');
    const choice: DeleteCodeChoice = !inUse
      ? null
      : mode === 'delete'
        ? { highlights: 'delete' }
        : { highlights: 'move', moveTo };
    remove.mutate({ codeId: code.id, choice }, { onSuccess: onDone });
  };
  return (
    <form className="form" onSubmit={submit}>
      {inUse ? (
        <fieldset className="delete-choice">
          <legend>
            “{code.name}” is on {code.highlightCount}{' '}
            {code.highlightCount === 1 ? 'highlight' : 'highlights'}.
          </legend>
          <label className="checkbox">
            <input
              type="radio"
              name="mode"
              checked={mode === 'move'}
              onChange={() => setMode('move')}
            />
            Move them to another code
          </label>
          {mode === 'move' && (
            <div className="field">
              <label htmlFor="delete-move-to">Move highlights to</label>
              <select id="delete-move-to" name="moveTo" required>
                <CodeOptions codes={targets} />
              </select>
            </div>
          )}
          <label className="checkbox">
            <input
              type="radio"
              name="mode"
              checked={mode === 'delete'}
              onChange={() => setMode('delete')}
            />
            Delete the code from them (highlights left without a code are deleted)
          </label>
        </fieldset>
      ) : (
        <p>“{code.name}” is not used on any highlight. Its sub-codes move up one level.</p>
      )}
      <FormError error={remove.error} />
      <DialogButtons submit="Delete code" onCancel={onDone} pending={remove.isPending} danger />
    </form>
  );
}
