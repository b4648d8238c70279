import { useRef, useState, type KeyboardEvent } from 'react';
import { useOutsideClose } from '../../../hooks/use-outside-close';

/**
 * A <details> used as a popover: Escape closes it and returns focus to its <summary>; a click
 * outside closes it too (focus that would fall to the page goes back to the summary).
 */
export function useDetailsPopover() {
  const [open, setOpen] = useState(false);
  const detailsRef = useRef<HTMLDetailsElement>(null);
  const summaryRef = useRef<HTMLElement>(null);

  useOutsideClose(open, () => setOpen(false), [detailsRef], summaryRef);

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
