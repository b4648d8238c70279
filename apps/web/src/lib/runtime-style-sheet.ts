import { useEffect, useState } from 'react';

/**
 * A style sheet whose rules change at run time without re-rendering anything.
 *
 * Why not a `<style>` element: the CSP is `style-src 'self'`, which blocks inline `<style>`
 * contents. A constructed `CSSStyleSheet` adopted by the document is CSSOM, which CSP allows,
 * so the policy needs no 'unsafe-inline'. The sheet is adopted while the component is mounted.
 */
export function useRuntimeStyleSheet(): CSSStyleSheet {
  const [sheet] = useState(() => new CSSStyleSheet());
  useEffect(() => {
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  }, [sheet]);
  return sheet;
}
