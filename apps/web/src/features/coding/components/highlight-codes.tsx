import type { Highlight } from '@kodbok/contracts';
import { flattenTree } from '@kodbok/core';
import { useCoding } from '../hooks/coding-context';

/** The highlight's codes as removable chips, plus a select to add one more. */
export function HighlightCodes({
  highlight,
  editable,
}: {
  highlight: Highlight;
  editable: boolean;
}) {
  const { codes, codeById, actions, noteCodesUsed } = useCoding();
  const name = (id: string) => codeById.get(id)?.name ?? 'Unknown code';
  const addable = flattenTree(codes).filter((c) => !highlight.codeIds.includes(c.id));

  const setCodes = (codeIds: string[], label: string) =>
    void actions.change(highlight, { codeIds }, label);

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
      {editable && (
        <select
          aria-label="Add code"
          value=""
          onChange={(e) => {
            const id = e.target.value;
            if (!id) return;
            noteCodesUsed([id]);
            setCodes([...highlight.codeIds, id], `Added ${name(id)}`);
          }}
        >
          <option value="">Add code…</option>
          {addable.map((c) => (
            <option key={c.id} value={c.id}>
              {'\u00a0\u00a0'.repeat(c.depth)}
              {c.name}
            </option>
          ))}
        </select>
      )}
    </div>
  );
}
