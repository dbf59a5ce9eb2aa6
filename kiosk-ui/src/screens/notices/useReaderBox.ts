import { useLayoutEffect, useState } from 'react';

/** How much text a reader box holds: characters to a line, lines to a page. */
export interface ReaderBox {
  perLine: number;
  lines: number;
}

/**
 * Measures the reader's box (it takes the height left on the screen), so a page of a notice
 * fills it in either orientation; measured again when the box changes size. Null until the
 * first measurement, which happens before paint.
 */
export function useReaderBox(): { ref: (element: HTMLElement | null) => void; box: ReaderBox | null } {
  const [element, setElement] = useState<HTMLElement | null>(null);
  const [box, setBox] = useState<ReaderBox | null>(null);
  useLayoutEffect(() => {
    if (element === null) return;
    const measure = () => {
      const style = getComputedStyle(element);
      const px = (value: string) => parseFloat(value) || 0;
      const width = element.clientWidth - px(style.paddingLeft) - px(style.paddingRight);
      const height = element.clientHeight - px(style.paddingTop) - px(style.paddingBottom);
      // A hanzi is 1em wide. A tenth is left over for punctuation that may not start a line
      // and for numbers kept whole, which end a line early.
      const next = {
        perLine: Math.max(4, Math.floor((width / px(style.fontSize)) * 0.9)),
        lines: Math.max(1, Math.floor(height / px(style.lineHeight))),
      };
      setBox((last) => (last?.perLine === next.perLine && last.lines === next.lines ? last : next));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);
  return { ref: setElement, box };
}
