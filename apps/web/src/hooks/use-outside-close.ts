import { useEffect, useEffectEvent, type RefObject } from 'react';

/**
 * While `open`, a pointer-down outside every element of `inside` calls `close`, and focus that
 * the click left on nothing (the page) goes back to `focusBack`, so keyboard users keep their
 * place. Shared by the app's popovers.
 */
export function useOutsideClose(
  open: boolean,
  close: () => void,
  inside: ReadonlyArray<RefObject<Element | null>>,
  focusBack: RefObject<HTMLElement | null>,
) {
  const onPointerDown = useEffectEvent((event: PointerEvent) => {
    const target = event.target as Node;
    if (inside.some((ref) => ref.current?.contains(target))) return;
    close();
    // After the click has moved focus (or not): if it fell to the page, back to the opener.
    setTimeout(() => {
      const active = document.activeElement;
      if (!active || active === document.body) focusBack.current?.focus({ preventScroll: true });
    });
  });
  // A listener on the document while open: the outside world is what effects are for.
  useEffect(() => {
    if (!open) return;
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);
}
