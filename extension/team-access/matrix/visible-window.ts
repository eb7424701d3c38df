/**
 * Rows drawn above and below the visible ones, so a quick scroll shows no blank (a scroll event comes every frame).
 * Each row costs the page's main thread on every jump of the scroll position: 3 a side, not 6, keeps a jump near 17
 * ms of CPU rather than 23.
 */
export const OVERSCAN = 3;
/** Page columns drawn beyond each side of the view, for the same reason (a column is as costly as 15 cells). */
export const COLUMN_OVERSCAN = 1;

/** Which items of a list with a fixed item size to draw for the scroll position (first inclusive, end exclusive). */
export function visibleWindow(
  scrollStart: number,
  viewSize: number,
  itemSize: number,
  count: number,
  overscan = OVERSCAN,
): { first: number; end: number } {
  // Never past the end: a list that shrank under a scroll position far down (or right) draws nothing, not a gap.
  const first = Math.min(count, Math.max(0, Math.floor(scrollStart / itemSize) - overscan));
  const end = Math.min(count, Math.ceil((scrollStart + viewSize) / itemSize) + overscan);
  return { first, end: Math.max(first, end) };
}

/**
 * Which page columns to draw: the columns start after the fixed ones (`leading` px: the checkbox and the user), so at
 * 20 pages on a laptop's screen about 8 of 20 are drawn, and the first frame draws that many cells a row.
 */
export function visibleColumns(scrollLeft: number, viewWidth: number, leading: number, columnWidth: number, count: number) {
  return visibleWindow(scrollLeft - leading, viewWidth, columnWidth, count, COLUMN_OVERSCAN);
}
