import { useCallback, useId, useRef, useState, type KeyboardEvent } from 'react';
import { Link } from 'react-router';
import type { User } from '@kodbok/contracts';

/**
 * The header's account menu (menu button pattern): arrows move between entries, Escape closes
 * and returns focus to the button, leaving the menu by Tab or click closes it.
 */
export function UserMenu({ user, onSignOut }: { user: User; onSignOut: () => void }) {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const menuId = useId();
  // Stable, so it runs once when the menu appears (focusing the first entry, as menu buttons do)
  // rather than on every re-render of the header.
  const attachList = useCallback((el: HTMLUListElement | null) => {
    listRef.current = el;
    el?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, []);

  const items = () =>
    Array.from(listRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  };

  function onMenuKeyDown(e: KeyboardEvent) {
    const all = items();
    const at = all.indexOf(document.activeElement as HTMLElement);
    const moves: Record<string, number> = {
      ArrowDown: at + 1,
      ArrowUp: at - 1,
      Home: 0,
      End: all.length - 1,
    };
    if (e.key === 'Escape') {
      e.preventDefault();
      close(true);
    } else if (e.key in moves) {
      e.preventDefault();
      all[((moves[e.key] ?? 0) + all.length) % all.length]?.focus();
    }
  }

  return (
    <div
      className="user-menu"
      onBlur={(e) => {
        if (open && !e.currentTarget.contains(e.relatedTarget)) close(false);
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        className="button button-ghost"
        aria-label="Account menu"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && !open) {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        {user.name} <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <ul
          id={menuId}
          ref={attachList}
          role="menu"
          aria-label="Account"
          className="user-menu-list"
          onKeyDown={onMenuKeyDown}
        >
          <li role="none">
            <Link role="menuitem" to="/account" onClick={() => close(false)}>
              Account
            </Link>
          </li>
          {user.isInstanceOwner && (
            <li role="none">
              <Link role="menuitem" to="/admin/users" onClick={() => close(false)}>
                Users
              </Link>
            </li>
          )}
          <li role="none">
            <button type="button" role="menuitem" onClick={onSignOut}>
              Sign out
            </button>
          </li>
        </ul>
      )}
    </div>
  );
}
