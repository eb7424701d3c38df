let marked = false;

/**
 * Marks (once) the moment the first frame with real data has been drawn: call it from a layout effect of the
 * component that shows the data (it runs before that frame; rAF, then a task, lands just after it). The
 * benchmark reads `performance.getEntriesByName('first-data')`, measured from the page's navigation start.
 */
export function markFirstData(): void {
  if (marked) return;
  marked = true;
  requestAnimationFrame(() => setTimeout(() => performance.mark('first-data'), 0));
}
