import { useId, useRef } from 'react';
import { inVivoName } from '@kodbok/core';
import { useCoding } from '../hooks/coding-context';
import { usePicker, type PickerCallbacks } from '../hooks/use-picker';
import { usePickerPlacement, type PickerAnchor } from '../hooks/use-picker-placement';
import type { PickerOption } from '../lib/picker-options';
import '../coding.css';

/** The modifier of Ctrl+Enter as the person's keyboard labels it. */
const MOD = /Mac|iPhone|iPad/.test(navigator.userAgent) ? '⌘' : 'Ctrl';

interface Props extends PickerCallbacks {
  quote: string;
  /** The selection to float it at (in the text); without one it sits in the flow (details). */
  anchor?: PickerAnchor;
}

/** The code picker that opens at a selection: a combobox filtering a listbox of codes. */
export function CodePicker({ quote, anchor, ...callbacks }: Props) {
  const { codes, recentCodeIds, canEditCodebook } = useCoding();
  const picker = usePicker(codes, recentCodeIds, inVivoName(quote), canEditCodebook, callbacks);
  const ref = useRef<HTMLDivElement>(null);
  const placed = usePickerPlacement(
    ref,
    anchor,
    `${picker.options.length} ${picker.checked.length > 0}`,
  );
  const id = useId();
  const optionId = (i: number) => `${id}-option-${i}`;
  let codeNumber = 0;

  return (
    <div
      ref={ref}
      className={anchor ? 'picker' : 'picker picker-inline'}
      style={
        !anchor
          ? undefined
          : placed
            ? { top: placed.top, left: placed.left, maxHeight: placed.maxHeight }
            : // Under the selection until measured, which happens before the first paint. Not
              // hidden meanwhile: the input's autofocus would fail on a hidden element.
              { top: anchor.last.bottom + 6, left: anchor.last.left }
      }
      data-side={placed?.side}
      onBlur={(e) => {
        // Leaving the picker (click or Tab elsewhere) closes it; moving inside it does not.
        if (!e.currentTarget.contains(e.relatedTarget)) callbacks.onClose(false);
      }}
    >
      <input
        className="picker-input"
        role="combobox"
        aria-label="Find or create a code"
        aria-expanded="true"
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={picker.options.length > 0 ? optionId(picker.activeIndex) : undefined}
        aria-describedby={`${id}-help`}
        placeholder="Code as…"
        autoFocus
        value={picker.query}
        onChange={(e) => picker.setQuery(e.target.value)}
        onKeyDown={picker.onKeyDown}
      />
      <ul
        className="picker-list"
        role="listbox"
        id={`${id}-list`}
        aria-label="Codes"
        aria-multiselectable="true"
      >
        {picker.options.map((option, i) => {
          const number = option.kind === 'code' && picker.query === '' ? ++codeNumber : 0;
          return (
            <PickerRow
              key={option.kind === 'code' ? option.code.id : option.kind}
              id={optionId(i)}
              option={option}
              number={number <= 9 ? number : 0}
              active={i === picker.activeIndex}
              checked={option.kind === 'code' && picker.checked.includes(option.code.id)}
              onHover={() => picker.setActive(i)}
              onToggle={() => option.kind === 'code' && picker.toggle(option.code.id)}
              onChoose={() => picker.choose(option)}
            />
          );
        })}
      </ul>
      {picker.options.length === 0 && (
        <p className="picker-empty" role="status">
          {codes.length === 0 ? 'The codebook has no codes yet.' : 'No code matches.'} Only owners
          and supervisors add codes in this project.
        </p>
      )}
      {picker.checked.length > 0 && (
        <button
          type="button"
          className="button button-primary button-small picker-apply"
          onClick={() => callbacks.onApply([...picker.checked])}
        >
          Apply {picker.checked.length} {picker.checked.length === 1 ? 'code' : 'codes'}
        </button>
      )}
      <p className="picker-help" id={`${id}-help`}>
        ↑↓ Enter apply · 1–9 quick pick · {MOD}+Enter (or Space) tick several · Esc close
      </p>
    </div>
  );
}

interface RowProps {
  id: string;
  option: PickerOption;
  number: number;
  active: boolean;
  checked: boolean;
  onHover: () => void;
  onToggle: () => void;
  onChoose: () => void;
}

function PickerRow({ id, option, number, active, checked, onHover, onToggle, onChoose }: RowProps) {
  return (
    <li
      id={id}
      role="option"
      aria-selected={active}
      aria-checked={option.kind === 'code' ? checked : undefined}
      className={active ? 'picker-option is-active' : 'picker-option'}
      // Keep focus in the input: options are chosen by pointer without stealing it.
      onMouseDown={(e) => e.preventDefault()}
      onMouseMove={onHover}
      onClick={(e) => (e.ctrlKey || e.metaKey ? onToggle() : onChoose())}
    >
      {option.kind === 'code' ? (
        <>
          <span
            className={checked ? 'picker-check is-checked' : 'picker-check'}
            aria-hidden="true"
            onClick={(e) => {
              e.stopPropagation();
              onToggle();
            }}
          />
          <span className="swatch" aria-hidden="true" style={{ background: option.code.color }} />
          <span className="picker-name">{option.code.name}</span>
          {option.theme && <span className="picker-theme">{option.theme}</span>}
          {number > 0 && (
            <kbd className="picker-key" aria-hidden="true">
              {number}
            </kbd>
          )}
        </>
      ) : option.kind === 'create' ? (
        <span className="picker-name">Create code “{option.name}”</span>
      ) : (
        <span className="picker-name">In-vivo code “{option.name}”</span>
      )}
    </li>
  );
}
