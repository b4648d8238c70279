import { useEffect, useRef, useState, type KeyboardEvent } from 'react';

/**
 * A <details> used as a popover: Escape closes it and returns focus to its <summary>; a click
 * outside closes it too (focus that would fall to the page goes back to the summary).
 */
export function useDetailsPopover() {
  const [open, setOpen] = useState(false);
  const detailsRef = useRef<HTMLDetailsElement>(null);
  const summaryRef = useRef<HTMLElement>(null);

  // A listener on the document while open: the outside world is what effects are for.
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (detailsRef.current?.contains(event.target as Node)) return;
      setOpen(false);
      setTimeout(() => {
        const active = document.activeElement;
        if (!active || active === document.body) summaryRef.current?.focus({ preventScroll: true });
      });
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  return {
    detailsRef,
    summaryRef,
    open,
    onToggle: () => setOpen(detailsRef.current?.open ?? false),
    onKeyDown: (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || !open) return;
      event.stopPropagation();
      setOpen(false);
      summaryRef.current?.focus();
    },
  };
}
