import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';

// Once a page has drawn its first frame, everything shows at once (a tab or page chosen later does not flicker).
let painted = false;

/**
 * Shows `children` from the task after the first frame: what nobody reads at a glance (the card preview, the
 * snippets) neither holds up the first data nor lengthens its frame. Effects run once that frame is drawn; a task
 * later keeps this work out of it.
 */
export function AfterFirstPaint({ children }: { children: ComponentChildren }) {
  const [shown, setShown] = useState(painted);
  useEffect(() => {
    if (shown) return;
    const later = setTimeout(() => {
      painted = true;
      setShown(true);
    }, 0);
    return () => clearTimeout(later);
  }, [shown]);
  return shown ? children : null;
}
