import { useEffect, useRef, type ReactNode } from 'react';

interface DialogProps {
  open: boolean;
  onClose: () => void;
  /** Id of the heading inside that names the dialog. */
  labelledBy: string;
  children: ReactNode;
}

/**
 * A modal built on the native <dialog>: the browser traps focus, makes the page inert and closes
 * on Escape. The effect only mirrors `open` onto the element, which has no declarative modal API.
 */
export function Dialog({ open, onClose, labelledBy, children }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby={labelledBy}
      // Escape closes through the state, at once: left to the browser, the dialog closed and gave
      // the focus back before its "close" event told the state, and an Enter on the button in
      // between opened nothing (the state still said open).
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      // A "close" event comes after the close, as a task of its own: by then the dialog may have
      // been opened again, which it must not undo.
      onClose={() => {
        if (!ref.current?.open) onClose();
      }}
    >
      {open && children}
    </dialog>
  );
}
