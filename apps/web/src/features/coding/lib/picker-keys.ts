import type { PickerOption } from './picker-options';

/** The parts of a key press the picker reads. */
export interface PickerKey {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

export interface PickerState {
  query: string;
  options: readonly PickerOption[];
  activeIndex: number;
  /** Codes ticked for coding with several codes at once, in the order ticked. */
  checked: readonly string[];
}

export type PickerCommand =
  | { kind: 'move'; step: 1 | -1 }
  /** Code the passage with these codes. */
  | { kind: 'apply'; codeIds: string[] }
  /** Create a code named so, and code the passage with it and `codeIds`. */
  | { kind: 'create'; name: string; codeIds: string[] }
  /** Tick or untick a code; `clearQuery` so the next code can be typed at once. */
  | { kind: 'toggle'; codeId: string; clearQuery: boolean }
  | { kind: 'close' };

/**
 * What a key does in the code picker; null when it is the filter's to type.
 *
 * Ticking several codes works whatever was typed. Code names have spaces ("Role clarity"), so once
 * a filter is typed Space must type; Space ticks only while the filter is empty (arrows, Space,
 * Space, Enter). Ctrl+Enter (⌘+Enter on a Mac) ticks at any time, and so does Ctrl+Space, the
 * "toggle this item" key of Windows lists that NVivo and MAXQDA users know; after a tick the
 * filter is cleared, ready for the next name, as in tag pickers. Enter then applies every ticked
 * code, plus the one just searched for if a filter is typed: a code found by typing and Enter is
 * never silently left out.
 */
export function pickerCommand(event: PickerKey, state: PickerState): PickerCommand | null {
  const { query, options, activeIndex, checked } = state;
  const option = options[activeIndex];
  const typed = query.trim() !== '';
  const modifier = event.ctrlKey || event.metaKey;
  const tick = (): PickerCommand | null =>
    option?.kind === 'code' ? { kind: 'toggle', codeId: option.code.id, clearQuery: typed } : null;
  const withChecked = (codeId: string) => [...checked.filter((id) => id !== codeId), codeId];

  switch (event.key) {
    case 'ArrowDown':
    case 'ArrowUp':
      return options.length > 0 ? { kind: 'move', step: event.key === 'ArrowDown' ? 1 : -1 } : null;
    case 'Escape':
      return { kind: 'close' };
    case 'Enter':
      if (modifier) return tick();
      if (!option || (!typed && checked.length > 0)) {
        return checked.length > 0 ? { kind: 'apply', codeIds: [...checked] } : null;
      }
      if (option.kind === 'code') return { kind: 'apply', codeIds: withChecked(option.code.id) };
      return { kind: 'create', name: option.name, codeIds: [...checked] };
    case ' ':
      return (!typed && !event.altKey) || event.ctrlKey ? tick() : null;
  }
  if (!typed && /^[1-9]$/.test(event.key) && !modifier && !event.altKey) {
    const nth = options.filter((o) => o.kind === 'code')[Number(event.key) - 1];
    if (nth?.kind === 'code') return { kind: 'apply', codeIds: withChecked(nth.code.id) };
  }
  return null;
}
