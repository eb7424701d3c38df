/** Rows drawn above and below the visible ones, so a quick scroll shows no blank. */
export const OVERSCAN = 6;

/** Which rows of a list with a fixed row height to draw for the scroll position (first inclusive, end exclusive). */
export function visibleWindow(scrollTop: number, viewHeight: number, rowHeight: number, rowCount: number): { first: number; end: number } {
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN);
  const end = Math.min(rowCount, Math.ceil((scrollTop + viewHeight) / rowHeight) + OVERSCAN);
  return { first, end: Math.max(first, end) };
}
