import { useEffect } from 'react';

/**
 * Titles the browser tab after where the person is, most specific first ("Grim 2022 · Peer
 * support — Kodbok"), so a dozen open tabs stay apart. The title is outside React: an effect.
 */
export function useDocumentTitle(parts: readonly string[]) {
  const title = parts.length > 0 ? `${parts.join(' · ')} — Kodbok` : 'Kodbok';
  useEffect(() => {
    document.title = title;
  }, [title]);
}
