import { useState, type KeyboardEvent } from 'react';
import type { Code } from '@kodbok/contracts';
import { pickerOptions, type PickerOption } from '../lib/picker-options';

export interface PickerCallbacks {
  onApply: (codeIds: string[]) => void;
  onCreate: (name: string) => void;
  /** `restoreFocus` false when focus already went somewhere else on purpose. */
  onClose: (restoreFocus?: boolean) => void;
}

/**
 * State and keys of the code picker. Enter applies the toggled codes, or the active option when
 * none is toggled; digits 1–9 apply a code directly while the filter is empty; Space (with an
 * empty filter) or Ctrl+Space toggles the active code for multi-code coding.
 */
export function usePicker(
  codes: readonly Code[],
  recentIds: readonly string[],
  inVivo: string,
  callbacks: PickerCallbacks,
) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [checked, setChecked] = useState<readonly string[]>([]);
  const options = pickerOptions(codes, query, recentIds, inVivo);
  const activeIndex = Math.min(active, Math.max(options.length - 1, 0));

  const toggle = (codeId: string) =>
    setChecked((ids) =>
      ids.includes(codeId) ? ids.filter((id) => id !== codeId) : [...ids, codeId],
    );

  const choose = (option: PickerOption | undefined) => {
    if (!option) return;
    if (option.kind === 'code') callbacks.onApply([...new Set([...checked, option.code.id])]);
    else callbacks.onCreate(option.name);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const option = options[activeIndex];
    const handled = () => {
      event.preventDefault();
      event.stopPropagation();
    };
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      handled();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((activeIndex + step + options.length) % Math.max(options.length, 1));
    } else if (event.key === 'Enter') {
      handled();
      if (checked.length > 0 && !(event.ctrlKey || event.metaKey)) callbacks.onApply([...checked]);
      else if (event.ctrlKey && option?.kind === 'code') toggle(option.code.id);
      else choose(option);
    } else if (event.key === 'Escape') {
      handled();
      callbacks.onClose();
    } else if (event.key === ' ' && (query === '' || event.ctrlKey) && option?.kind === 'code') {
      handled();
      toggle(option.code.id);
    } else if (query === '' && /^[1-9]$/.test(event.key) && !event.ctrlKey && !event.altKey) {
      const nth = options.filter((o) => o.kind === 'code')[Number(event.key) - 1];
      if (nth) {
        handled();
        choose(nth);
      }
    }
  };

  return {
    query,
    setQuery: (q: string) => {
      setQuery(q);
      setActive(0);
    },
    options,
    activeIndex,
    setActive,
    checked,
    toggle,
    choose,
    onKeyDown,
  };
}
