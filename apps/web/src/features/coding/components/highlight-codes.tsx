import { useRef, useState } from 'react';
import type { Highlight } from '@kodbok/contracts';
import { useCoding } from '../hooks/coding-context';
import { useCreateCodeInline } from '../hooks/use-create-code-inline';
import { CodePicker } from './code-picker';

/** The highlight's codes as removable chips, plus "Add code…", which opens the code picker. */
export function HighlightCodes({
  highlight,
  editable,
}: {
  highlight: Highlight;
  editable: boolean;
}) {
  const { codeById, actions, noteCodesUsed } = useCoding();
  const [adding, setAdding] = useState(false);
  const addButton = useRef<HTMLButtonElement>(null);
  const createCode = useCreateCodeInline();
  const name = (id: string) => codeById.get(id)?.name ?? 'Unknown code';

  const setCodes = (codeIds: string[], label: string) =>
    void actions.change(highlight, { codeIds }, label);
  const close = (restoreFocus = true) => {
    setAdding(false);
    if (restoreFocus) requestAnimationFrame(() => addButton.current?.focus());
  };
  const add = (ids: string[]) => {
    const fresh = ids.filter((id) => !highlight.codeIds.includes(id));
    close();
    if (fresh.length === 0) return;
    noteCodesUsed(fresh);
    setCodes([...highlight.codeIds, ...fresh], `Added ${fresh.map(name).join(', ')}`);
  };
  const createAndAdd = async (codeName: string, alsoCodeIds: string[]) => {
    const code = await createCode(codeName);
    if (!code) return;
    close();
    const fresh = [...alsoCodeIds.filter((id) => !highlight.codeIds.includes(id)), code.id];
    noteCodesUsed(fresh);
    const added = [...fresh.slice(0, -1).map(name), code.name].join(', ');
    setCodes([...highlight.codeIds, ...fresh], `Added ${added}`);
  };

  return (
    <div className="details-codes">
      <ul className="chips" aria-label="Codes of this highlight">
        {highlight.codeIds.map((id) => (
          <li key={id} className="chip">
            <span
              className="swatch"
              aria-hidden="true"
              style={{ background: codeById.get(id)?.color }}
            />
            <span>{name(id)}</span>
            {editable && highlight.codeIds.length > 1 && (
              <button
                type="button"
                className="chip-remove"
                aria-label={`Remove code ${name(id)}`}
                title={`Remove code ${name(id)}`}
                onClick={() =>
                  setCodes(
                    highlight.codeIds.filter((c) => c !== id),
                    `Removed ${name(id)}`,
                  )
                }
              >
                ×
              </button>
            )}
          </li>
        ))}
      </ul>
      {editable &&
        (adding ? (
          <CodePicker
            quote={highlight.quote}
            onApply={add}
            onCreate={(n, also) => void createAndAdd(n, also)}
            onClose={close}
          />
        ) : (
          <button
            ref={addButton}
            type="button"
            className="button button-small"
            aria-expanded={false}
            onClick={() => setAdding(true)}
          >
            Add code…
          </button>
        ))}
    </div>
  );
}
