// Each real summary.json capture on a customer page: the right card, or none.
import { expect, test } from './widget-fixtures';
import { card, openCustomerSite } from './customer-site';

const CARDS: Record<string, { label: string; name: string; detail: RegExp; href: string } | null> = {
  'incident_critical_update-3_monitoring.json': {
    label: 'Incident · Monitoring',
    name: 'Test incident: impact=critical',
    detail: /^Status updated to Monitoring\.$/,
    href: 'https://stspg.io/hzq32bsk78s2',
  },
  'incident_critical_update-4_resolved.json': null,
  'incident_major_update-3_monitoring.json': {
    label: 'Incident · Monitoring',
    name: 'Test incident: impact=major',
    detail: /^Status updated to Monitoring\.$/,
    href: 'https://stspg.io/5svpy5q6xcfv',
  },
  'incident_major_update-4_resolved.json': null,
  'incident_minor_update-2_identified.json': {
    label: 'Incident · Identified',
    name: 'Test incident: impact=minor',
    detail: /^Status updated to Identified\.$/,
    href: 'https://stspg.io/7zz4x9jd7vyg',
  },
  'incident_none_update-2_identified.json': {
    label: 'Incident · Identified',
    name: 'Test incident: impact=none',
    detail: /^Status updated to Identified\.$/,
    href: 'https://stspg.io/h77hq2ns91rf',
  },
  'maintenance_update-1_initial.json': null,
  // The window in the visitor's zone (set below to Berlin, where 14:16 in New York is 20:16, or 8:16 PM).
  'maintenance_update-2_in-progress.json': {
    label: 'Maintenance · In progress',
    name: 'Test scheduled maintenance',
    detail: /^May 13, (20|8):16\s?–\s?(20|8):17.*(GMT\+2|CEST)$/,
    href: 'https://stspg.io/77ncncdcypnt',
  },
};

test.describe('the card for each real summary', () => {
  for (const [fixture, expected] of Object.entries(CARDS)) {
    test(`${fixture}: ${expected ? expected.label : 'no card'}`, async ({ page }) => {
      // A visitor in Berlin (the shared browser's context cannot take test.use options).
      const devtools = await page.context().newCDPSession(page);
      await devtools.send('Emulation.setTimezoneOverride', { timezoneId: 'Europe/Berlin' });
      const site = await openCustomerSite(page, { summary: fixture });
      if (!expected) {
        await site.settled();
        await expect(card(page)).toHaveCount(0);
        await expect(page.locator('status-embed [role=status]')).toBeEmpty();
        return;
      }
      await expect(card(page)).toBeVisible();
      await expect(card(page).locator('.label')).toHaveText(expected.label);
      const link = card(page).locator('.name a');
      await expect(link).toHaveText(expected.name);
      await expect(link).toHaveAttribute('href', expected.href);
      await expect(card(page).locator('.detail')).toHaveText(expected.detail);
      await expect(card(page).locator('.more')).toHaveCount(0);
    });
  }
});
