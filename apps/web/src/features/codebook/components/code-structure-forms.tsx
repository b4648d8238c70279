import { useState, type FormEvent } from 'react';
import type { Code } from '@kodbok/contracts';
import { descendantIds, flattenTree } from '@kodbok/core';
import { FormError } from '../../../components/form-error';
import { useUpdateCode } from '../api/update-code';
import { useMergeCode } from '../api/merge-code';
import { useDeleteCode, type DeleteCodeChoice } from '../api/delete-code';
import { undoCodebook } from '../api/undo-codebook';
import { useOfferUndo } from '../hooks/use-offer-undo';
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
    update.mutate(
      { codeId: code.id, body: { parentId }, before: code, codes },
      { onSuccess: onDone },
    );
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

/** No code is chosen for the user: a wrong default merged or moved work with one Enter. */
function TargetSelect({
  id,
  name,
  codes,
  value,
  onChange,
  autoFocus,
}: {
  id: string;
  name: string;
  codes: ReturnType<typeof otherCodes>;
  value: string;
  onChange: (codeId: string) => void;
  autoFocus?: boolean;
}) {
  return (
    <select
      id={id}
      name={name}
      required
      autoFocus={autoFocus}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    >
      <option value="" disabled>
        Choose a code…
      </option>
      <CodeOptions codes={codes} />
    </select>
  );
}

const highlightsText = (n: number) => `${n} ${n === 1 ? 'highlight' : 'highlights'}`;

/** Merge: highlights and children go to the chosen target; the dialog says so before it happens. */
export function MergeForm({ codes, projectId, onDone, code }: FormProps & { code: Code }) {
  const merge = useMergeCode(projectId);
  const offerUndo = useOfferUndo(projectId);
  const targets = otherCodes(codes, code);
  const [intoCodeId, setIntoCodeId] = useState('');
  const target = targets.find((c) => c.id === intoCodeId);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (!target) return;
    merge.mutate(
      { codeId: code.id, intoCodeId: target.id },
      {
        onSuccess: (merged) => {
          offerUndo(
            `Merged “${code.name}” into “${merged.name}” (now ${merged.highlightCount} highlights)`,
            () => undoCodebook(merged.undoId),
          );
          onDone();
        },
      },
    );
  };
  return (
    <form className="form" onSubmit={submit}>
      <div className="field">
        <label htmlFor="merge-target">Merge into</label>
        <TargetSelect
          id="merge-target"
          name="target"
          codes={targets}
          value={intoCodeId}
          onChange={setIntoCodeId}
          autoFocus
        />
      </div>
      <p className="muted" role="status">
        {target
          ? `Its ${highlightsText(code.highlightCount)} and its sub-codes will move to “${target.name}”, and “${code.name}” will be removed.`
          : `Choose the code that takes over the ${highlightsText(code.highlightCount)} and sub-codes of “${code.name}”.`}
      </p>
      <FormError error={merge.error} />
      <DialogButtons
        submit={target ? `Merge into “${target.name}”` : 'Merge'}
        onCancel={onDone}
        pending={merge.isPending || !target}
      />
    </form>
  );
}

/** Delete; a code in use needs a decision about its highlights (delete them, or move them). */
export function DeleteForm({ codes, projectId, onDone, code }: FormProps & { code: Code }) {
  const remove = useDeleteCode(projectId);
  const [mode, setMode] = useState<'delete' | 'move'>('move');
  const [moveTo, setMoveTo] = useState('');
  const inUse = code.highlightCount > 0;
  const targets = flattenTree(codes).filter((c) => c.id !== code.id);
  const target = targets.find((c) => c.id === moveTo);
  const ready = !inUse || mode === 'delete' || target !== undefined;
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (!ready) return;
    const choice: DeleteCodeChoice = !inUse
      ? null
      : mode === 'delete'
        ? { highlights: 'delete' }
        : { highlights: 'move', moveTo };
    remove.mutate({ code, choice }, { onSuccess: onDone });
  };
  const n = highlightsText(code.highlightCount);
  return (
    <form className="form" onSubmit={submit}>
      {inUse ? (
        <fieldset className="delete-choice">
          <legend>
            “{code.name}” is on {n}.
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
              <TargetSelect
                id="delete-move-to"
                name="moveTo"
                codes={targets}
                value={moveTo}
                onChange={setMoveTo}
              />
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
          <p className="muted" role="status">
            {mode === 'delete'
              ? `“${code.name}” will be deleted and taken off its ${n}; those with no other code will be deleted too.`
              : target
                ? `“${code.name}” will be deleted; its ${n} will be coded “${target.name}” instead.`
                : `Choose the code its ${n} move to.`}
          </p>
        </fieldset>
      ) : (
        <p>“{code.name}” is not used on any highlight. Its sub-codes move up one level.</p>
      )}
      <FormError error={remove.error} />
      <DialogButtons
        submit="Delete code"
        onCancel={onDone}
        pending={remove.isPending || !ready}
        danger
      />
    </form>
  );
}
