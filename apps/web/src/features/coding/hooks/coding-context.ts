import { createContext, useContext, type RefObject } from 'react';
import type { Code, Document, Highlight, Role } from '@kodbok/contracts';
import type { Span } from '@kodbok/core';
import type { CodingActions } from './use-coding-actions';
import type { Coder } from './use-highlight-mutations';
import type { CoderView } from './use-coder-view';
import type { CoderMark, LegendEntry } from '../lib/coder-marks';

/** What the document pane and the details panel share while one document is being coded. */
export interface CodingContextValue {
  document: Document;
  codes: readonly Code[];
  codeById: ReadonlyMap<string, Code>;
  me: Coder;
  canCode: boolean;
  /** May change the codebook: the pickers offer "Create code" and in-vivo codes only then. */
  canEditCodebook: boolean;
  /** Coders change only their own highlights; owners and supervisors anyone's. */
  mayChange: (highlight: Highlight) => boolean;
  /** Highlights under the last click, innermost first, and which of them is shown. */
  selection: { ids: readonly string[]; index: number };
  select: (ids: readonly string[], index?: number) => void;
  actions: CodingActions;
  recentCodeIds: readonly string[];
  noteCodesUsed: (codeIds: readonly string[]) => void;
  /** The document text element, for "Use current selection" and restoring focus. */
  textRef: RefObject<HTMLDivElement | null>;
  /** The last non-empty text selection, kept because focusing a button or the picker drops it. */
  lastSpanRef: RefObject<Span | null>;
  emphasise: (target: { codeId?: string; highlightId?: string } | null) => void;
  role: Role;
  /** Whose coding is on screen, and how the member may change that. */
  view: CoderView;
  /** Each shown coder's mark, when several coders are shown; null otherwise. */
  marks: ReadonlyMap<string, CoderMark> | null;
  legend: readonly LegendEntry[] | null;
}

export const CodingContext = createContext<CodingContextValue | null>(null);

export function useCoding(): CodingContextValue {
  const value = useContext(CodingContext);
  if (!value)
    throw new Error(
      'useCoding() must be used inside <CodingProvider> once the document has loaded',
    );
  return value;
}

/** The details panel renders before the document has loaded, so it may ask without throwing. */
export function useOptionalCoding(): CodingContextValue | null {
  return useContext(CodingContext);
}
