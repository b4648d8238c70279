import { useRef, useState, type KeyboardEvent } from 'react';
import type { Code } from '@kodbok/contracts';

export type MenuCommand =
  'new-child' | 'rename' | 'colour' | 'definition' | 'move' | 'merge' | 'delete' | 'up' | 'down';

const ITEMS: Array<{ command: MenuCommand; label: string }> = [
  { command: 'rename', label: 'Rename' },
  { command: 'colour', label: 'Colour' },
  { command: 'definition', label: 'Edit definition' },
  { command: 'new-child', label: 'New code inside' },
  { command: 'move', label: 'Move to…' },
  { command: 'up', label: 'Move up' },
  { command: 'down', label: 'Move down' },
  { command: 'merge', label: 'Merge into…' },
  { command: 'delete', label: 'Delete' },
];

/** The actions of one code, as a WAI-ARIA menu button: arrows move, Esc closes back to the button. */
export function CodeMenu({
  code,
  tabbable,
  disabled,
  onCommand,
}: {
  code: Code;
  tabbable: boolean;
  disabled: ReadonlySet<MenuCommand>;
  onCommand: (command: MenuCommand) => void;
}) {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  };
  const onMenuKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    event.stopPropagation();
    const items = [
      ...event.currentTarget.querySelectorAll<HTMLButtonElement>(
        '[role="menuitem"]:not(:disabled)',
      ),
    ];
    const i = items.indexOf(document.activeElement as HTMLButtonElement);
    const go = (j: number) => items[(j + items.length) % items.length]?.focus();
    if (event.key === 'ArrowDown') go(i + 1);
    else if (event.key === 'ArrowUp') go(i - 1);
    else if (event.key === 'Home') go(0);
    else if (event.key === 'End') go(items.length - 1);
    else if (event.key === 'Escape' || event.key === 'Tab') close(event.key === 'Escape');
    else return;
    if (event.key !== 'Tab') event.preventDefault();
  };

  return (
    <div
      className="code-menu"
      onBlur={(e) => {
        if (open && !e.currentTarget.contains(e.relatedTarget)) setOpen(false);
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        className="code-menu-button"
        aria-label={`Actions for ${code.name}`}
        aria-haspopup="menu"
        aria-expanded={open}
        tabIndex={tabbable ? 0 : -1}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        ⋯
      </button>
      {open && (
        <ul
          className="code-menu-list"
          role="menu"
          aria-label={`Actions for ${code.name}`}
          onKeyDown={onMenuKeyDown}
        >
          {ITEMS.map(({ command, label }, i) => (
            <li key={command} role="none">
              <button
                type="button"
                role="menuitem"
                autoFocus={i === 0}
                disabled={disabled.has(command)}
                onClick={() => {
                  close(command === 'up' || command === 'down');
                  onCommand(command);
                }}
              >
                {label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
