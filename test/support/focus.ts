// Where the Tab key goes on a page, and whether a person sees where focus is (test/e2e popup and Team access).
import type { Page } from '@playwright/test';

/** One Tab stop: the focused element, its name, and whether its focus ring shows. */
export interface TabStop {
  element: string;
  name: string;
  ring: boolean;
}

/**
 * Presses Tab up to `presses` times, stopping when it comes round to a control it reached before, and says where each
 * press landed. A ring shows when the element matches :focus-visible with an outline at least `minOutline` px wide.
 */
export async function tabStops(page: Page, presses: number, minOutline = 0): Promise<TabStop[]> {
  const stops: TabStop[] = [];
  for (let i = 0; i < presses; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate((minWidth) => {
      const element = document.activeElement as HTMLElement | null;
      if (!element || element === document.body) return undefined;
      const style = getComputedStyle(element);
      const name = element.getAttribute('aria-label') ?? (element as HTMLInputElement).labels?.[0]?.textContent ?? element.textContent ?? '';
      return {
        element: element.localName,
        name: name.trim().slice(0, 40),
        ring: element.matches(':focus-visible') && style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) >= minWidth,
      };
    }, minOutline);
    if (!stop) continue;
    if (stops.some((seen) => seen.element === stop.element && seen.name === stop.name)) break; // round once
    stops.push(stop);
  }
  return stops;
}
