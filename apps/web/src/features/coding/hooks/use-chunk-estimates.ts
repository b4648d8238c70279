import { useEffect, type RefObject } from 'react';

/**
 * Calibrates the estimated height of chunks not laid out yet (`content-visibility: auto`, see
 * DocumentText): from the chunks on screen, how tall one estimated line really is at this width
 * and font, written to `--chunk-line` on the text. A good estimate keeps the scroll height right
 * and stops the text from jumping when a chunk is first laid out (`scrollIntoView` lands true).
 * Measured again when the width changes, as the wrapping does.
 */
export function useChunkEstimates(textRef: RefObject<HTMLDivElement | null>) {
  useEffect(() => {
    const text = textRef.current;
    if (!text) return;
    let width = -1;
    let frame = 0;
    const calibrate = () => {
      let height = 0;
      let lines = 0;
      for (const chunk of text.children as HTMLCollectionOf<HTMLElement>) {
        if (!chunk.firstElementChild?.checkVisibility({ contentVisibilityAuto: true })) continue;
        height += chunk.getBoundingClientRect().height;
        lines += Number(chunk.dataset.lines);
      }
      if (lines > 0) text.style.setProperty('--chunk-line', `${(height / lines).toFixed(2)}px`);
    };
    // Width only: heights change whenever a chunk is laid out, which is what this corrects.
    const observer = new ResizeObserver(([entry]) => {
      const w = Math.round(entry?.contentRect.width ?? 0);
      if (w === width) return;
      width = w;
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(calibrate);
    });
    observer.observe(text);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
    };
  }, [textRef]);
}
