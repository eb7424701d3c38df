// Where the card sits and how it looks: corners, colours, the bottom sheet, motion, and a page that attacks it with CSS.
import { expect, test } from './widget-fixtures';
import type { Page } from '@playwright/test';
import { card, openCustomerSite, finishCardAnimations } from './customer-site';

const box = async (page: Page) => {
  const rect = await card(page).evaluate((element) => element.getBoundingClientRect().toJSON() as DOMRect);
  const viewport = await page.evaluate(() => ({ width: document.documentElement.clientWidth, height: window.innerHeight }));
  return { ...rect, fromRight: viewport.width - rect.right, fromBottom: viewport.height - rect.bottom, viewport };
};
const style = (page: Page, property: string) => card(page).evaluate((element, name) => getComputedStyle(element).getPropertyValue(name), property);

test.describe('geometry', () => {
  test('all four corners, 320 px wide and 60 px from the edges', async ({ page }) => {
    await page.setViewportSize({ width: 1024, height: 700 });
    const site = await openCustomerSite(page, { scriptAttributes: 'data-position="bottom-left"' });
    await expect(card(page)).toBeVisible();
    const expectations: Array<[string, (b: Awaited<ReturnType<typeof box>>) => void]> = [
      ['bottom-left', (b) => expect([b.left, b.fromBottom]).toEqual([60, 60])],
      ['bottom-right', (b) => expect([b.fromRight, b.fromBottom]).toEqual([60, 60])],
      ['top-left', (b) => expect([b.left, b.top]).toEqual([60, 60])],
      ['top-right', (b) => expect([b.fromRight, b.top]).toEqual([60, 60])],
    ];
    for (const [corner, check] of expectations) {
      await page.locator('status-embed').evaluate((element, value) => element.setAttribute('position', value), corner);
      await finishCardAnimations(page);
      const b = await box(page);
      expect(b.width, corner).toBe(320);
      check(b);
    }
    expect(site.summaryRequests()).toHaveLength(1); // a config change redraws, it does not fetch again
  });

  test('a full-width bottom sheet under 450 px, whatever the corner', async ({ page }) => {
    await page.setViewportSize({ width: 400, height: 700 });
    await openCustomerSite(page, { scriptAttributes: 'data-position="top-right"' });
    await expect(card(page)).toBeVisible();
    await finishCardAnimations(page);
    const b = await box(page);
    expect([b.left, b.fromRight, b.fromBottom, b.width]).toEqual([0, 0, 0, b.viewport.width]);
  });
});

test.describe('colours', () => {
  const config = {
    position: 'bottom_right',
    incident_background_color: '#0a0B0c',
    incident_text_color: '#fefefe',
    maintenance_background_color: '#335577',
    maintenance_text_color: '#ffeedd',
  };

  test('incident colours from the config endpoint', async ({ page }) => {
    await openCustomerSite(page, { config });
    await expect(card(page)).toBeVisible();
    expect(await style(page, 'background-color')).toBe('rgb(10, 11, 12)');
    expect(await style(page, 'color')).toBe('rgb(254, 254, 254)');
    expect((await box(page)).fromRight).toBe(60);
  });

  test('maintenance colours, with data-* attributes overriding the served config', async ({ page }) => {
    await openCustomerSite(page, {
      config,
      summary: 'maintenance_update-2_in-progress.json',
      scriptAttributes: 'data-maintenance-text-color="#000000"',
    });
    await expect(card(page)).toBeVisible();
    expect(await style(page, 'background-color')).toBe('rgb(51, 85, 119)');
    expect(await style(page, 'color')).toBe('rgb(0, 0, 0)');
  });

  test('defaults when there is no config endpoint, or it fails', async ({ page }) => {
    await openCustomerSite(page, { config: 500 });
    await expect(card(page)).toBeVisible();
    expect(await style(page, 'background-color')).toBe('rgb(180, 35, 24)'); // #b42318
    expect(await style(page, 'color')).toBe('rgb(255, 255, 255)');
  });
});

test.describe('motion', () => {
  /** The card's entry animation, paused at its start. */
  const entry = (page: Page) =>
    page.evaluate(() => {
      const element = document.querySelector('status-embed')!.shadowRoot!.querySelector('.card')!;
      const [animation] = element.getAnimations();
      animation!.pause();
      animation!.currentTime = 0;
      const keyframes = (animation!.effect as KeyframeEffect).getKeyframes();
      const animated = new Set(
        keyframes.flatMap((frame) => Object.keys(frame)).filter((key) => !['offset', 'easing', 'composite', 'computedOffset'].includes(key)),
      );
      return { properties: [...animated].sort(), transform: getComputedStyle(element).transform, opacity: getComputedStyle(element).opacity };
    });

  test('slides in by transform and opacity only', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await openCustomerSite(page);
    await expect(card(page)).toBeVisible();
    const start = await entry(page);
    expect(start.properties).toEqual(['opacity', 'transform']);
    expect(start.opacity).toBe('0');
    expect(start.transform).toBe('matrix(1, 0, 0, 1, 0, 16)');
  });

  test('only fades for a visitor who asks for reduced motion', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await openCustomerSite(page);
    await expect(card(page)).toBeVisible();
    const start = await entry(page);
    expect(start.opacity).toBe('0');
    expect(['none', 'matrix(1, 0, 0, 1, 0, 0)']).toContain(start.transform);
  });
});

test('a page with hostile CSS does not change the card', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await openCustomerSite(page);
  await expect(card(page)).toBeVisible();
  await finishCardAnimations(page);
  const clean = { box: await box(page), background: await style(page, 'background-color'), font: await style(page, 'font-size') };

  await page.unrouteAll();
  await openCustomerSite(page, {
    head: '<style>* { all: unset !important; } div { display: none !important; } status-embed { display: block !important; opacity: 0.1 !important; transform: scale(0.2) !important; }</style>',
  });
  await expect(card(page)).toBeVisible();
  await finishCardAnimations(page);
  expect({ box: await box(page), background: await style(page, 'background-color'), font: await style(page, 'font-size') }).toEqual(clean);
  await expect(card(page).locator('.name a')).toBeVisible();
  expect(await page.locator('status-embed').evaluate((host) => getComputedStyle(host).opacity)).toBe('1');
});
