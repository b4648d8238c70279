import {
  useEffect,
  type KeyboardEvent,
  type MouseEvent,
  type RefObject,
  type SyntheticEvent,
} from 'react';
import { trimSpan, type Span } from '@kodbok/core';
import { caretOffset, selectedSpan } from '../lib/dom-offsets';
import { highlightsAt } from '../lib/runs';
import { useCoding } from './coding-context';

export interface TextHandlers {
  onMouseUp: (event: MouseEvent<HTMLDivElement>) => void;
  onKeyDown: (event: KeyboardEvent<HTMLDivElement>) => void;
  onKeyUp: () => void;
  onPaste: (event: SyntheticEvent) => void;
  onDrop: (event: SyntheticEvent) => void;
  onCut: (event: SyntheticEvent) => void;
}

/** Keys that move the caret or the selection, or leave the text: everything else is blocked. */
const NAVIGATION = new Set([
  'ArrowLeft',
  'ArrowRight',
  'ArrowUp',
  'ArrowDown',
  'Home',
  'End',
  'PageUp',
  'PageDown',
  'Tab',
  'Shift',
  'Control',
  'Alt',
  'Meta',
  'Escape',
  'F6',
  'ContextMenu',
]);

/**
 * Selection in the document text: a finished mouse selection, or `c` / Enter on a keyboard
 * selection, opens the picker; a click or Enter on a highlighted passage selects its highlights.
 */
export function useTextInteraction(
  textRef: RefObject<HTMLDivElement | null>,
  openPicker: (span: Span) => void,
): TextHandlers {
  const { document, canCode, select, lastSpanRef } = useCoding();

  // React's onBeforeInput is a keypress polyfill; only the native event sees every edit kind.
  useEffect(() => {
    const el = textRef.current;
    if (!el) return;
    const block = (e: Event) => e.preventDefault();
    el.addEventListener('beforeinput', block);
    return () => el.removeEventListener('beforeinput', block);
  }, [textRef]);

  const currentSpan = (): Span | null => {
    const el = textRef.current;
    const raw = el && selectedSpan(el);
    const trimmed = raw && trimSpan(document.text, raw);
    const span = trimmed && trimmed.start < trimmed.end ? trimmed : null;
    lastSpanRef.current = span;
    return span;
  };

  const selectAtCaret = () => {
    const el = textRef.current;
    const offset = el && caretOffset(el);
    if (offset === null || offset === undefined) return;
    select(highlightsAt(document.highlights, offset).map((h) => h.id));
  };

  const block = (event: SyntheticEvent) => event.preventDefault();
  return {
    onMouseUp: (event) => {
      if (event.button !== 0) return;
      const span = currentSpan();
      if (span) {
        if (canCode) openPicker(span);
      } else if ((event.target as HTMLElement).closest('.hl')) {
        selectAtCaret();
      }
    },
    onKeyDown: (event) => {
      const plain = !event.ctrlKey && !event.metaKey && !event.altKey;
      if (plain && (event.key === 'c' || event.key === 'Enter')) {
        event.preventDefault();
        const span = currentSpan();
        if (span && canCode) openPicker(span);
        else if (!span) selectAtCaret();
        return;
      }
      // Copy, select-all and the undo shortcuts pass; typing, deleting and pasting do not.
      if (event.ctrlKey || event.metaKey || NAVIGATION.has(event.key)) return;
      event.preventDefault();
    },
    onKeyUp: () => void currentSpan(),
    onPaste: block,
    onDrop: block,
    onCut: block,
  };
}
