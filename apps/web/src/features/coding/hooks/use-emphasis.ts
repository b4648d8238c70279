import { useEffect } from 'react';
import { useRuntimeStyleSheet } from '../../../lib/runtime-style-sheet';

/**
 * Hover emphasis without re-rendering the text: one adopted style sheet whose rule is rewritten
 * imperatively, selecting runs and stripes by `data-code-ids~=` or `data-highlight-ids~=`.
 */
export function useEmphasis() {
  const sheet = useRuntimeStyleSheet();
  const emphasise = (target: { codeId?: string; highlightId?: string } | null) => {
    const attr = target?.codeId
      ? `[data-code-ids~=${JSON.stringify(target.codeId)}]`
      : target?.highlightId
        ? `[data-highlight-ids~=${JSON.stringify(target.highlightId)}]`
        : null;
    sheet.replaceSync(
      attr
        ? // A layer over the run's own tint (its inline background-color), darkening it.
          `.doc-text .hl${attr} { background-image: linear-gradient(var(--hl-emphasis), var(--hl-emphasis)); text-decoration: underline 2px var(--color-text); }
           .doc-stripes .stripe${attr} { width: 5px; opacity: 1; }`
        : '',
    );
  };
  return { emphasise };
}

/** Marks the selected highlight's runs, through its own adopted sheet (see useRuntimeStyleSheet). */
export function useSelectedHighlightStyle(selectedId: string | undefined) {
  const sheet = useRuntimeStyleSheet();
  // Syncing an external system (the CSSOM) with the selection: what effects are for.
  useEffect(() => {
    sheet.replaceSync(
      selectedId
        ? `.doc-text .hl[data-highlight-ids~=${JSON.stringify(selectedId)}] { box-shadow: inset 0 -2px 0 var(--color-text); }`
        : '',
    );
  }, [sheet, selectedId]);
}
