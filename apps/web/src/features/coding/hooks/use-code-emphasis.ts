import { useCoding } from './coding-context';

/** For the codebook (composed in app/): hovering a code emphasises its passages in the text. */
export function useCodeEmphasis(): (codeId: string | null) => void {
  const { emphasise } = useCoding();
  return (codeId) => emphasise(codeId ? { codeId } : null);
}
