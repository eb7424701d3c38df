// The options sites ask for: locale, components, offset, z-index (data-* on the script tag, attributes of
// <status-embed>, options of mount()), the status-embed:change event, and long texts on a phone.
import type { Page } from '@playwright/test';
import { expect, test } from './widget-fixtures';
import { card, finishCardAnimations, openCustomerSite, readSummaryFixture, STATUS_PAGE, WIDGET_URL } from './customer-site';

// biome-ignore lint/suspicious/noExplicitAny: summary.json captures, edited to make variants
type Loose = Record<string, any>;

const warningsOf = (page: Page) => {
  const warnings: string[] = [];
  page.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()));
  return warnings;
};
const rect = (page: Page, selector = '.card') =>
  card(page)
    .locator(selector === '.card' ? ':scope' : selector)
    .evaluate((element) => {
      const box = element.getBoundingClientRect();
      return { left: box.left, top: box.top, right: box.right, bottom: box.bottom, height: box.height, width: innerWidth, viewport: innerHeight };
    });

/** The major-incident capture plus a second active incident on another component, updated earlier. */
function twoIncidents(): Loose {
  const summary = readSummaryFixture('incident_major_update-3_monitoring.json') as Loose;
  const other = structuredClone(summary.incidents[0]);
  other.id = 'otherincident1';
  other.name = 'API errors';
  other.components = [{ id: 'apicomponent1', name: 'API' }];
  for (const update of other.incident_updates) update.display_at = update.created_at = '2026-05-12T20:00:00.000-04:00';
  summary.incidents.push(other);
  return summary;
}

test.describe('locale', () => {
  test('data-locale: the card in German, with lang, and the dismiss button named in German', async ({ page }) => {
    await openCustomerSite(page, { scriptAttributes: 'data-locale="de"' });
    await expect(card(page)).toBeVisible();
    await expect(card(page)).toHaveAttribute('lang', 'de');
    await expect(card(page).locator('.label')).toHaveText('Störung · Wird beobachtet');
    await expect(card(page).getByRole('button', { name: 'Statusmeldung schließen' })).toBeVisible();
  });

  test("without the attribute, the page's <html lang> (a region kept for dates)", async ({ page }) => {
    await openCustomerSite(page, { lang: 'fr-CA', summary: 'maintenance_update-2_in-progress.json' });
    await expect(card(page)).toHaveAttribute('lang', 'fr-CA');
    await expect(card(page).locator('.label')).toHaveText('Maintenance · En cours');
    await expect(card(page).locator('.detail')).toHaveText(/mai/); // "13 mai" : the window through Intl in French
  });

  test("without either, the browser's languages; English when none is known", async ({ context }) => {
    const browser = context.browser()!; // the worker's plain Chromium
    const japanese = await browser.newContext({ locale: 'ja-JP' });
    const page = await japanese.newPage();
    await openCustomerSite(page, { lang: '' });
    await expect(card(page)).toHaveAttribute('lang', 'ja-JP');
    await expect(card(page).locator('.label')).toHaveText('障害 · 監視中');
    await japanese.close();

    const dutch = await browser.newContext({ locale: 'nl-NL' });
    const other = await dutch.newPage();
    await openCustomerSite(other, { lang: 'nl' });
    await expect(card(other)).toHaveAttribute('lang', 'en');
    await expect(card(other).locator('.label')).toHaveText('Incident · Monitoring');
    await dutch.close();
  });

  test('an invalid locale is ignored with one warning', async ({ page }) => {
    const warnings = warningsOf(page);
    const site = await openCustomerSite(page, { lang: 'es', scriptAttributes: 'data-locale="not a locale!"' });
    await site.settled();
    await expect(card(page).locator('.label')).toHaveText('Incidente · En observación');
    expect(warnings).toEqual([expect.stringMatching(/^\[status-embed\] ignoring locale=/)]);
  });
});

test.describe('components', () => {
  test('shows only an incident affecting one of them, and counts only those in "+N more"', async ({ page }) => {
    const site = await openCustomerSite(page, { summary: twoIncidents() });
    await expect(card(page).locator('.more')).toHaveText('+1 more'); // both count without a filter
    await page.locator('status-embed').evaluate((element) => element.setAttribute('components', 'apicomponent1'));
    await expect(card(page).locator('.name a')).toHaveText('API errors');
    await expect(card(page).locator('.more')).toHaveCount(0);
    await page.locator('status-embed').evaluate((element) => element.setAttribute('components', 'm2zjc5hgkmx1, apicomponent1'));
    await expect(card(page).locator('.name a')).toHaveText('Test incident: impact=major');
    await expect(card(page).locator('.more')).toHaveText('+1 more');
    expect(site.summaryRequests()).toHaveLength(1);
  });

  test('quiet for these components: no card and no card stage fetched', async ({ page }) => {
    const site = await openCustomerSite(page, { scriptAttributes: 'data-components="nosuchcomponent"' });
    await site.settled();
    await expect(card(page)).toHaveCount(0);
    expect(site.cardRequests()).toEqual([]);
  });

  test('an invalid list is ignored (all components) with one warning', async ({ page }) => {
    const warnings = warningsOf(page);
    const site = await openCustomerSite(page, { scriptAttributes: 'data-components="a;b"' });
    await site.settled();
    await expect(card(page)).toBeVisible();
    expect(warnings).toEqual([expect.stringMatching(/^\[status-embed\] ignoring components=/)]);
  });
});

test.describe('offset and z-index', () => {
  test('data-offset="24": 24 px from both edges; "24 96": 24 from the side, 96 from the bottom', async ({ page }) => {
    await page.setViewportSize({ width: 1024, height: 700 });
    await openCustomerSite(page, { scriptAttributes: 'data-offset="24"' });
    await expect(card(page)).toBeVisible();
    await finishCardAnimations(page);
    let box = await rect(page);
    expect([box.left, box.viewport - box.bottom]).toEqual([24, 24]);
    await page.locator('status-embed').evaluate((element) => element.setAttribute('offset', '24 96'));
    await finishCardAnimations(page);
    box = await rect(page);
    expect([box.left, box.viewport - box.bottom]).toEqual([24, 96]);
  });

  test('data-z-index sets the stacking order; invalid values keep the defaults, one warning each', async ({ page }) => {
    const warnings = warningsOf(page);
    await page.setViewportSize({ width: 1024, height: 700 });
    const site = await openCustomerSite(page, { scriptAttributes: 'data-z-index="10" data-offset="24px;top:0"' });
    await site.settled();
    const frame = page.locator('status-embed [role=status]');
    expect(await frame.evaluate((element) => getComputedStyle(element).zIndex)).toBe('10');
    await finishCardAnimations(page);
    const box = await rect(page);
    expect([box.left, box.viewport - box.bottom]).toEqual([60, 60]);
    await page.locator('status-embed').evaluate((element) => element.setAttribute('z-index', 'auto;x'));
    expect(await frame.evaluate((element) => Number(getComputedStyle(element).zIndex))).toBeGreaterThan(2_000_000_000);
    expect(warnings).toEqual([expect.stringMatching(/ignoring offset=/), expect.stringMatching(/ignoring z-index=/)]);
  });

  test('the same options through mount()', async ({ page }) => {
    await page.setViewportSize({ width: 1024, height: 700 });
    await openCustomerSite(page, { embed: `<script src="${WIDGET_URL}"></script>` });
    await page.evaluate((statusPage) => {
      const api = (window as unknown as { StatusEmbed: typeof import('../../../widget/browser/status-embed') }).StatusEmbed;
      api.mount({ statusPage, locale: 'pt-BR', components: ['m2zjc5hgkmx1'], offset: [30, 40], zIndex: 5 });
    }, STATUS_PAGE);
    await expect(card(page)).toHaveAttribute('lang', 'pt-BR');
    await expect(card(page).locator('.label')).toHaveText('Incidente · Em monitoramento');
    await finishCardAnimations(page);
    const box = await rect(page);
    expect([box.left, box.viewport - box.bottom]).toEqual([30, 40]);
    const host = page.locator('status-embed');
    expect(
      await host.evaluate((element) => [element.getAttribute('components'), element.getAttribute('offset'), element.getAttribute('z-index')]),
    ).toEqual(['m2zjc5hgkmx1', '30 40', '5']);
  });
});

test('status-embed:change tells the page what the card shows, bubbling and composed', async ({ page }) => {
  await page.addInitScript(() => {
    const seen: unknown[] = [];
    (window as unknown as { seen: unknown[] }).seen = seen;
    document.addEventListener('status-embed:change', (event) => {
      const { bubbles, composed, detail } = event as CustomEvent;
      seen.push({ bubbles, composed, detail, target: (event.target as Element).localName });
    });
  });
  await openCustomerSite(page);
  await expect(card(page)).toBeVisible();
  const seen = () => page.evaluate(() => (window as unknown as { seen: unknown[] }).seen);
  expect(await seen()).toEqual([
    {
      bubbles: true,
      composed: true,
      target: 'status-embed',
      detail: { kind: 'incident', id: 'p4ypgmxv5p3s', status: 'monitoring', impact: 'major' },
    },
  ]);
  await page.locator('status-embed').evaluate((element) => element.setAttribute('position', 'top-right')); // same card: no event
  await card(page).getByRole('button', { name: 'Dismiss status message' }).click();
  await expect(card(page)).toHaveCount(0);
  expect((await seen()).map((entry) => (entry as { detail: unknown }).detail)).toEqual([
    { kind: 'incident', id: 'p4ypgmxv5p3s', status: 'monitoring', impact: 'major' },
    { kind: null, id: null, status: null, impact: null },
  ]);
});

test.describe('long texts', () => {
  function longSummary(): Loose {
    const summary = readSummaryFixture('incident_major_update-3_monitoring.json') as Loose;
    summary.incidents[0].name = `Checkout ${'is very slow '.repeat(84)}`.slice(0, 1000);
    summary.incidents[0].incident_updates[0].body = 'We are investigating. '.repeat(250);
    return summary;
  }

  for (const [what, viewport] of [
    ['on a 375 px phone', { width: 375, height: 667 }],
    ['on a desktop', { width: 1280, height: 720 }],
  ] as const) {
    test(`a 1,000-character name keeps the card and its dismiss button within the viewport ${what}, with a link to read more`, async ({ page }) => {
      await page.setViewportSize(viewport);
      await openCustomerSite(page, { summary: longSummary() });
      await expect(card(page)).toBeVisible();
      await finishCardAnimations(page);
      const box = await rect(page);
      expect(box.top).toBeGreaterThanOrEqual(0);
      expect(box.bottom).toBeLessThanOrEqual(viewport.height);
      expect(box.height).toBeLessThan(viewport.height * 0.7); // the page stays usable
      const dismiss = card(page).getByRole('button', { name: 'Dismiss status message' });
      const button = await dismiss.evaluate((element) => element.getBoundingClientRect().toJSON() as DOMRect);
      expect(button.top).toBeGreaterThanOrEqual(0);
      expect(button.bottom).toBeLessThanOrEqual(viewport.height);
      expect(button.right).toBeLessThanOrEqual(viewport.width);
      await expect(card(page).getByRole('link', { name: 'Read more' })).toHaveAttribute('href', 'https://stspg.io/5svpy5q6xcfv');
    });
  }

  test('a short name shows no "Read more" link', async ({ page }) => {
    await openCustomerSite(page);
    await expect(card(page)).toBeVisible();
    await expect(card(page).getByRole('link', { name: 'Read more' })).toHaveCount(0);
  });
});
