import { useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { useOutsideClose } from '../../../hooks/use-outside-close';

/**
 * A non-modal popover opened by a button: Escape closes it and gives the button its focus back;
 * a click outside or Tab out of it closes it. Focus that would otherwise be lost (a click on
 * nothing focusable) goes back to the button too.
 */
export function usePopover() {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);

  useOutsideClose(open, () => setOpen(false), [panelRef, buttonRef], buttonRef);

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
