import { useState, type RefObject } from 'react';
import type { Code } from '@kodbok/contracts';
import type { Span } from '@kodbok/core';
import { rangeForSpan, spanRects } from '../lib/dom-offsets';
import { useCoding } from './coding-context';
import { useCreateCodeInline } from './use-create-code-inline';
import type { PickerAnchor } from './use-picker-placement';

export interface PendingPick {
  span: Span;
  /** Rects of the selection, tinted while the picker has focus (the DOM selection is gone then). */
  rects: DOMRect[];
  /** Its first and last line, where the picker is placed (usePickerPlacement). */
  anchor: PickerAnchor;
}

/** Opening the picker at a selection, and what its choices do. */
export function usePickerAnchor(
  bodyRef: RefObject<HTMLDivElement | null>,
  textRef: RefObject<HTMLDivElement | null>,
) {
  const { actions, noteCodesUsed, select } = useCoding();
  const [pending, setPending] = useState<PendingPick | null>(null);
  const createCode = useCreateCodeInline();

  const open = (span: Span) => {
    const body = bodyRef.current;
    const text = textRef.current;
    if (!body || !text) return;
    const rects = spanRects(text, body, span);
    const first = rects[0];
    const last = rects.at(-1);
    if (!first || !last) return;
    setPending({ span, rects, anchor: { first, last } });
  };

  /**
   * Closes the picker. Escape gives the text its focus and the selection back (to code it
   * differently or use it for boundaries); after applying the caret lands after the passage; a
   * blur leaves focus wherever the person moved it.
   */
  const close = (how: 'cancelled' | 'applied' | 'blurred') => {
    const text = textRef.current;
    const range = pending && text && rangeForSpan(text, pending.span);
    if (how !== 'blurred' && text && range) {
      text.focus({ preventScroll: true });
      if (how === 'applied') range.collapse(false);
      window.getSelection()?.removeAllRanges();
      window.getSelection()?.addRange(range);
    }
    setPending(null);
  };

  /** `newCodes`: codes created a moment ago, which the codebook on screen does not list yet. */
  const apply = async (codeIds: string[], newCodes: readonly Code[] = []) => {
    if (!pending) return;
    const { span } = pending;
    close('applied');
    noteCodesUsed(codeIds);
    const created = await actions.code(span, codeIds, newCodes);
    if (created) select([created.id]);
  };

  const createAndApply = async (name: string, alsoCodeIds: string[]) => {
    if (!pending) return;
    const code = await createCode(name);
    if (code) await apply([...alsoCodeIds, code.id], [code]);
  };

  return { pending, open, close, apply, createAndApply };
}
