import { useRef } from 'react';

/**
 * Hover emphasis without re-rendering the text: one <style> element whose rule is rewritten
 * imperatively, selecting runs and stripes by `data-code-ids~=` or `data-highlight-ids~=`.
 */
export function useEmphasis() {
  const styleRef = useRef<HTMLStyleElement>(null);
  const emphasise = (target: { codeId?: string; highlightId?: string } | null) => {
    const style = styleRef.current;
    if (!style) return;
    const attr = target?.codeId
      ? `[data-code-ids~=${JSON.stringify(target.codeId)}]`
      : target?.highlightId
        ? `[data-highlight-ids~=${JSON.stringify(target.highlightId)}]`
        : null;
    style.textContent = attr
      ? `.doc-text .hl${attr} { background-color: var(--hl-emphasis); text-decoration: underline 2px var(--color-text); }
         .doc-stripes .stripe${attr} { width: 5px; opacity: 1; }`
      : '';
  };
  return { styleRef, emphasise };
}
