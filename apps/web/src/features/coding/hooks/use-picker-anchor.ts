import { useState, type RefObject } from 'react';
import type { Span } from '@kodbok/core';
import { rangeForSpan, spanRects } from '../lib/dom-offsets';
import { useCoding } from './coding-context';
import { useCreateCodeInline } from './use-create-code-inline';

const PICKER_WIDTH = 320;

export interface PendingPick {
  span: Span;
  /** Rects of the selection, tinted while the picker has focus (the DOM selection is gone then). */
  rects: DOMRect[];
  position: { top: number; left: number };
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
    const last = rects.at(-1);
    if (!last) return;
    const left = Math.max(0, Math.min(last.left, body.clientWidth - PICKER_WIDTH));
    setPending({ span, rects, position: { top: last.bottom + 6, left } });
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

  const apply = async (codeIds: string[]) => {
    if (!pending) return;
    const { span } = pending;
    close('applied');
    noteCodesUsed(codeIds);
    const created = await actions.code(span, codeIds);
    if (created) select([created.id]);
  };

  const createAndApply = async (name: string) => {
    if (!pending) return;
    const code = await createCode(name);
    if (code) await apply([code.id]);
  };

  return { pending, open, close, apply, createAndApply };
}
