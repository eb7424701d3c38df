// The built files are pure ASCII, so a customer page served without a charset still shows the card's words.
import { readFileSync } from 'node:fs';
import { expect, test } from './widget-fixtures';
import { card, openCustomerSite, widgetFiles } from './customer-site';

test('every built browser file is pure ASCII', () => {
  const files = widgetFiles();
  expect(files.length).toBeGreaterThanOrEqual(3); // loader, card stage, ES module
  for (const file of files) {
    const bytes = readFileSync(file);
    const over = bytes.findIndex((byte) => byte > 0x7f);
    expect(over, `${file}: byte ${over} is over 0x7f`).toBe(-1);
  }
});

test('the same check finds a byte over 0x7f where there is one (positive control)', () => {
  const bytes = Buffer.from('const label = "Incident \u00b7 Monitoring";', 'utf8');
  expect(bytes.findIndex((byte) => byte > 0x7f)).toBeGreaterThan(0);
});

test('a page served without a charset shows "Incident · Monitoring" and the × correctly', async ({ page }) => {
  await openCustomerSite(page, { noCharset: true });
  await expect(card(page)).toBeVisible();
  expect(await page.evaluate(() => document.characterSet)).not.toBe('UTF-8'); // the browser really fell back
  await expect(card(page).locator('.label')).toHaveText('Incident \u00b7 Monitoring');
  await expect(card(page).getByRole('button', { name: 'Dismiss status message' })).toHaveText('\u00d7');
});
