import { useEffect, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';

/**
 * A non-modal popover opened by a button: Escape closes it and gives the button its focus back;
 * a click outside or Tab out of it closes it. Focus that would otherwise be lost (a click on
 * nothing focusable) goes back to the button too.
 */
export function usePopover() {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);

  // A listener on the document while open: the outside world is what effects are for.
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (panelRef.current?.contains(target) || buttonRef.current?.contains(target)) return;
      setOpen(false);
      // After the click has moved focus (or not): if it fell to the page, back to the button.
      setTimeout(() => {
        const active = document.activeElement;
        if (!active || active === document.body) buttonRef.current?.focus({ preventScroll: true });
      });
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  return {
    open,
    toggle: () => setOpen((o) => !o),
    buttonRef,
    panelRef,
    /** On the element wrapping button and panel. */
    onKeyDown: (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || !open) return;
      event.stopPropagation();
      setOpen(false);
      buttonRef.current?.focus();
    },
    onBlur: (event: FocusEvent) => {
      if (open && !event.currentTarget.contains(event.relatedTarget)) setOpen(false);
    },
  };
}
