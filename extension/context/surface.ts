/**
 * Where the editor is drawn: the toolbar popup (over one tab, closed at the first click on the page), or the side
 * panel (Chrome's sidePanel, Firefox's sidebar), which stays open beside the page and follows the active tab.
 */
export type Surface = 'popup' | 'sidepanel';

let current: Surface = 'popup';

/** Called once by the entry point, before the first render. */
export function setSurface(surface: Surface): void {
  current = surface;
}

export function surface(): Surface {
  return current;
}
