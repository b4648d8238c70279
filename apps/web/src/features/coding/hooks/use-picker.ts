import { useState, type KeyboardEvent } from 'react';
import type { Code } from '@kodbok/contracts';
import { pickerCommand } from '../lib/picker-keys';
import { pickerOptions, type PickerOption } from '../lib/picker-options';

export interface PickerCallbacks {
  onApply: (codeIds: string[]) => void;
  /** Create a code named so, then apply it with `codeIds` (those ticked). */
  onCreate: (name: string, codeIds: string[]) => void;
  /** `restoreFocus` false when focus already went somewhere else on purpose. */
  onClose: (restoreFocus?: boolean) => void;
}

/** State of the code picker; its keys are lib/picker-keys (Enter, 1–9, ticking several). */
export function usePicker(
  codes: readonly Code[],
  recentIds: readonly string[],
  inVivo: string,
  canCreate: boolean,
  callbacks: PickerCallbacks,
) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [checked, setChecked] = useState<readonly string[]>([]);
  const options = pickerOptions(codes, query, recentIds, inVivo, canCreate);
  const activeIndex = Math.min(active, Math.max(options.length - 1, 0));

  const toggle = (codeId: string) =>
    setChecked((ids) =>
      ids.includes(codeId) ? ids.filter((id) => id !== codeId) : [...ids, codeId],
    );

  /** A click on an option: apply it with the ticked codes, or create it. */
  const choose = (option: PickerOption | undefined) => {
    if (!option) return;
    if (option.kind === 'code') callbacks.onApply([...new Set([...checked, option.code.id])]);
    else callbacks.onCreate(option.name, [...checked]);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const command = pickerCommand(event, { query, options, activeIndex, checked });
    if (!command) return;
    event.preventDefault();
    event.stopPropagation();
    if (command.kind === 'move') {
      setActive((activeIndex + command.step + options.length) % options.length);
    } else if (command.kind === 'apply') {
      callbacks.onApply(command.codeIds);
    } else if (command.kind === 'create') {
      callbacks.onCreate(command.name, command.codeIds);
    } else if (command.kind === 'toggle') {
      toggle(command.codeId);
      if (command.clearQuery) {
        setQuery('');
        setActive(0);
      }
    } else {
      callbacks.onClose();
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
