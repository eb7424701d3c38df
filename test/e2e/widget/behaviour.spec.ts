// What a visitor does with the card (dismiss it, by mouse or keyboard), and what the widget must never do
// (steal focus, run hostile data, break the page's CSP, throw into the page).
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './widget-fixtures';
import { card, CONFIG_URL, finishCardAnimations, openCustomerSite, readSummaryFixture, STATUS_PAGE, WIDGET, WIDGET_URL } from './customer-site';

/** The major-incident capture with one more update, newer than any before. */
function withNewUpdate(): Record<string, unknown> {
  const summary = readSummaryFixture('incident_major_update-3_monitoring.json') as { incidents: Array<{ incident_updates: unknown[] }> };
  summary.incidents[0]!.incident_updates.unshift({
    status: 'monitoring',
    body: 'A fix is rolling out.',
    display_at: '2026-05-12T22:30:00.000-04:00',
    created_at: '2026-05-12T22:30:00.000-04:00',
  });
  return summary;
}

test.describe('dismissal', () => {
  test('is remembered across page loads, and a new update brings the card back', async ({ page }) => {
    const site = await openCustomerSite(page);
    await expect(card(page)).toBeVisible();
    await card(page).getByRole('button', { name: 'Dismiss status message' }).click();
    await expect(card(page)).toHaveCount(0);

    await page.reload();
    await site.settled();
    await expect(card(page)).toHaveCount(0);
    const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('status-embed:dismissed') ?? '[]'));
    expect(stored).toEqual(['p4ypgmxv5p3s@2026-05-13T02:17:47.114Z']);

    site.setSummary(withNewUpdate());
    await page.reload();
    await expect(card(page).locator('.detail')).toHaveText('A fix is rolling out.');
  });

  test('works from the keyboard, with a visible focus ring, and never takes focus by itself', async ({ page }) => {
    const site = await openCustomerSite(page, { summary: 'incident_major_update-4_resolved.json' });
    await page.locator('#before').focus();
    site.setSummary('incident_major_update-3_monitoring.json');
    // The card appears while the visitor is on the page (here: a new element, as an SPA would add it).
    await page.evaluate(
      ([status]) => {
        const element = document.createElement('status-embed');
        element.setAttribute('status-page', status!);
        document.body.append(element);
      },
      [STATUS_PAGE],
    );
    await expect(card(page).nth(0)).toBeVisible();
    await expect(page.locator('#before')).toBeFocused();

    await page.keyboard.press('Tab');
    const link = card(page).nth(0).locator('.name a');
    await expect(link).toBeFocused();
    const ring = await link.evaluate((element) => getComputedStyle(element));
    expect(ring.outlineStyle).toBe('solid');
    expect(ring.outlineWidth).toBe('2px');
    await page.keyboard.press('Tab');
    const dismiss = card(page).nth(0).getByRole('button', { name: 'Dismiss status message' });
    await expect(dismiss).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(card(page)).toHaveCount(0);
  });

  test('announces the card in a polite live region that was there before it', async ({ page }) => {
    await openCustomerSite(page);
    const region = page.locator('status-embed [role=status]');
    await expect(region).toHaveAttribute('aria-live', 'polite');
    await expect(region.locator('.card')).toBeVisible();
  });
});

test.describe('hostile data is data', () => {
  test('an incident name with markup shows as text, and a javascript: link is replaced', async ({ page }) => {
    const summary = readSummaryFixture('incident_major_update-3_monitoring.json') as { incidents: Array<Record<string, unknown>> };
    summary.incidents[0]!.name = '<img src=x onerror=alert(1)>';
    summary.incidents[0]!.shortlink = 'javascript:alert(2)';
    let dialogs = 0;
    page.on('dialog', (dialog) => {
      dialogs += 1;
      void dialog.dismiss();
    });
    await openCustomerSite(page, { summary });
    const link = card(page).locator('.name a');
    await expect(link).toHaveText('<img src=x onerror=alert(1)>');
    await expect(link).toHaveAttribute('href', `${STATUS_PAGE}/`);
    await expect(page.locator('status-embed img')).toHaveCount(0);
    expect(dialogs).toBe(0);
  });

  test('a colour that smuggles CSS is refused: the default is used and nothing is fetched', async ({ page }) => {
    const site = await openCustomerSite(page, {
      config: { incident_background_color: 'red;background:url(//evil.test/x)' },
      scriptAttributes: 'data-incident-text-color="#fff;background-image:url(//evil.test/y)"',
    });
    await expect(card(page)).toBeVisible();
    const colours = await card(page).evaluate((element) => {
      const computed = getComputedStyle(element);
      return [computed.backgroundColor, computed.color, computed.backgroundImage];
    });
    expect(colours).toEqual(['rgb(180, 35, 24)', 'rgb(255, 255, 255)', 'none']);
    expect(site.requests().filter((url) => url.includes('evil.test'))).toEqual([]);
  });
});

test('renders under a CSP that allows only its script and the two origins it reads, with no violation', async ({ page }) => {
  await page.addInitScript(() => {
    (window as unknown as { violations: string[] }).violations = [];
    document.addEventListener('securitypolicyviolation', (event) =>
      (window as unknown as { violations: string[] }).violations.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  const consoleErrors: string[] = [];
  page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
  await openCustomerSite(page, {
    config: { incident_background_color: '#123456' },
    csp: `default-src 'none'; script-src ${WIDGET}; connect-src ${STATUS_PAGE} ${new URL(CONFIG_URL).origin}`,
    scriptAttributes: 'data-locale="fr"', // the language file comes from the same directory: the same line covers it
  });
  await expect(card(page)).toBeVisible();
  await expect(card(page)).toHaveAttribute('lang', 'fr');
  expect(await card(page).evaluate((element) => getComputedStyle(element).backgroundColor)).toBe('rgb(18, 52, 86)');
  await page.locator('#before').focus();
  await page.keyboard.press('Tab'); // focus styles too
  expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

test.describe('failures stay quiet', () => {
  test('no summary: no card, no error in the page, one console warning', async ({ page }) => {
    const pageErrors: Error[] = [];
    const warnings: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error));
    page.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()));
    const site = await openCustomerSite(page, { summary: 503, config: 500 });
    await site.settled();
    await expect(card(page)).toHaveCount(0);
    expect(pageErrors).toEqual([]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^\[status-embed\] /);
  });

  test('a summary of the wrong shape counts as no summary', async ({ page }) => {
    // Drawable as it stands (an open incident with a name and a link): only the schema check keeps it off the page.
    const malformed = readSummaryFixture('incident_major_update-3_monitoring.json') as { incidents: Array<Record<string, unknown>> };
    malformed.incidents[0]!.id = 42;
    const site = await openCustomerSite(page, { summary: malformed });
    await site.settled();
    await expect(card(page)).toHaveCount(0);
    // The same summary, well formed, on the next refresh: the card (so the widget was running all along).
    malformed.incidents[0]!.id = 'p4ypgmxv5p3s';
    site.setSummary(malformed);
    await page.reload();
    await expect(card(page)).toBeVisible();
  });

  test('a config URL that is not a URL: the card in the default colours, one warning', async ({ page }) => {
    const warnings: string[] = [];
    page.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()));
    await openCustomerSite(page, {
      embed: `<script async src="${WIDGET_URL}" data-status-page="${STATUS_PAGE}" data-config-url="http://[::1"></script>`,
    });
    await expect(card(page)).toBeVisible();
    expect(await card(page).evaluate((element) => getComputedStyle(element).backgroundColor)).toBe('rgb(180, 35, 24)');
    expect(warnings).toHaveLength(1);
  });
});

test.describe('axe-core finds no serious or critical violation', () => {
  for (const summary of ['incident_critical_update-3_monitoring.json', 'maintenance_update-2_in-progress.json']) {
    test(summary, async ({ page }) => {
      await openCustomerSite(page, { summary });
      await expect(card(page)).toBeVisible();
      await finishCardAnimations(page);
      const results = await new AxeBuilder({ page }).include('status-embed').analyze();
      const severe = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
      expect(severe.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
      expect(results.passes.length).toBeGreaterThan(0); // axe did look inside the shadow root
    });
  }
});
