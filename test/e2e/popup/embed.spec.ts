// The Embed tab in Chromium: the browser scenarios (test/scenarios/embed.ts, drafts.ts), then what only this suite
// checks (rate limits, a gone page, offline, the manage page's tab, the embed tag on the clipboard).
import type { Page } from '@playwright/test';
import { SEED_PAGE_IDS } from '../../../sandbox';
import { draftScenarios } from '../../scenarios/drafts';
import { embedScenarios } from '../../scenarios/embed';
import { chromium, expect, test } from '../fixtures';
import { apiCall, expectSaved, logged, paste, queueFault, setRateLimit } from './helpers';

embedScenarios(chromium);
draftScenarios(chromium);

const payments = SEED_PAGE_IDS.payments; // seeded at `bottom_right`, #FFB000 on #1A1A1A text

test('Revert drops the draft; a half-typed colour keeps Save off', async ({ popup: page, sandbox }) => {
  const field = page.getByLabel('Maintenance text', { exact: true });
  const before = await field.inputValue();
  await field.fill('#12');
  await expect(page.getByText('2 hex digits: a colour has 3 or 6, such as #c0392b')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save', exact: true })).toBeDisabled();
  await page.getByRole('button', { name: 'Revert' }).click();
  await expect(field).toHaveValue(before);
  expect(logged(sandbox, 'PATCH', '/status_embed_config')).toHaveLength(0);
});

for (const status of [429, 420] as const) {
  test(`a rate-limited save (${status}) counts down, then retries by itself and succeeds`, async ({ popup: page, sandbox }) => {
    await page.getByLabel('Page').selectOption(payments);
    await expect(page.getByLabel('Incident background', { exact: true })).toHaveValue('#ffb000');
    await page.getByLabel('Incident background', { exact: true }).fill('#123456');
    // One request per 4 s, and a teammate's request has just used it.
    await setRateLimit(sandbox, { limit: 1, windowMs: 4000, status });
    await apiCall(sandbox, 'GET', '/pages');

    // Every value the countdown shows, as it shows it.
    await page.evaluate(() => {
      const shown: number[] = [];
      (window as unknown as { countdown: number[] }).countdown = shown;
      new MutationObserver(() => {
        const text = document.querySelector('[data-testid="countdown"]')?.textContent;
        const seconds = text ? Number.parseInt(text, 10) : undefined;
        if (seconds !== undefined && shown.at(-1) !== seconds) shown.push(seconds);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByText('Statuspage asked to slow down')).toBeVisible();
    await expectSaved(page, 10_000);
    await expect(page.getByText('Statuspage asked to slow down')).toBeHidden();

    // It counted down, a second at a time, from the server's Retry-After (4 s at most).
    const shown = await page.evaluate(() => (window as unknown as { countdown: number[] }).countdown);
    expect(shown.length, `countdown shown: ${shown.join(', ')}`).toBeGreaterThanOrEqual(2);
    expect(shown[0], `countdown shown: ${shown.join(', ')}`).toBeLessThanOrEqual(4);
    for (let i = 1; i < shown.length; i++) expect(shown[i]).toBe(shown[i - 1]! - 1);

    const patches = logged(sandbox, 'PATCH', `/pages/${payments}/status_embed_config`);
    expect(patches.map((entry) => entry.status)).toEqual([status, 200]);
    await setRateLimit(sandbox, { limit: 60, windowMs: 60_000 });
    expect(await apiCall(sandbox, 'GET', `/pages/${payments}/status_embed_config`)).toMatchObject({ incident_background_color: '#123456' });
  });
}

test('a page that is gone (404) is named when the refresh and the save fail, and the draft stays', async ({ popup: page, openPopup, sandbox }) => {
  await page.getByLabel('Page').selectOption(payments);
  await expect(page.getByLabel('Maintenance text', { exact: true })).toHaveValue('#ffffff');
  await page.getByLabel('Maintenance text', { exact: true }).fill('#eeeeee');
  await page.close();

  // Deleted on Statuspage since the popup cached it: every call about it answers 404 (far more than the test makes;
  // the next test's reset clears what is left).
  await queueFault(sandbox, { status: 404, path: `/pages/${payments}/`, times: 100, shape: 'error', message: 'Not found' });
  const popup = await openPopup();
  const gone = 'Statuspage could not find the page "Acme Payments" (404): it may have been deleted, or belong to another organization.';
  await expect(popup.getByRole('alert').filter({ hasText: 'Could not refresh the embed settings' })).toHaveText(
    `Could not refresh the embed settings: ${gone}`,
  );
  await expect(popup.getByLabel('Maintenance text', { exact: true })).toHaveValue('#eeeeee');
  await popup.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(popup.getByRole('alert').filter({ hasText: 'Not saved.' })).toContainText(`Not saved. ${gone} Your draft is kept.`);
  await expect(popup.getByLabel('Maintenance text', { exact: true })).toHaveValue('#eeeeee');
  await expect(popup.getByRole('button', { name: 'Revert' })).toBeEnabled();
});

test('opened over a manage.statuspage.io status-embed URL, it starts on that page in the Embed tab', async ({
  popup: page,
  openManagePage,
  popupOver,
}) => {
  await page.getByRole('tab', { name: 'Permissions' }).click(); // the last used context is elsewhere
  await page.close();

  const popup = await popupOver(await openManagePage(`/pages/${payments}/status-embed`));
  await expect(popup.getByRole('tab', { name: 'Embed' })).toHaveAttribute('aria-selected', 'true');
  await expect(popup.getByLabel('Page')).toHaveValue(payments);
  await expect(popup.getByLabel('Page')).toBeFocused();
});

test('offline, a save waits for the connection and goes out when it is back', async ({ popup: page, context, sandbox }) => {
  await page.getByLabel('Page').selectOption(payments);
  await expect(page.getByLabel('Maintenance background', { exact: true })).toHaveValue('#0b5394');
  await page.getByLabel('Maintenance background', { exact: true }).fill('#2b2b6b');
  await context.setOffline(true);
  try {
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByText('Offline: the save will be sent when the connection is back.')).toBeVisible();
    expect(logged(sandbox, 'PATCH', '/status_embed_config')).toHaveLength(0);
  } finally {
    await context.setOffline(false);
  }
  await expect(page.getByText('Offline: the save will be sent')).toBeHidden({ timeout: 10_000 });
  await expect(page.getByText('Unsaved changes are kept')).toBeHidden();
  expect(await apiCall(sandbox, 'GET', `/pages/${payments}/status_embed_config`)).toMatchObject({ maintenance_background_color: '#2b2b6b' });
});

test('offline, the popup draws what it saw last and refreshes by itself when the connection is back', async ({
  popup: page,
  openPopup,
  context,
  sandbox,
}) => {
  await expect(page.getByLabel('Incident background', { exact: true })).toHaveValue('#c0392b');
  await page.close();
  const pageReads = () => logged(sandbox, 'GET', '/pages').length;
  const readsBefore = pageReads();

  await context.setOffline(true);
  let popup: Page | undefined;
  try {
    popup = await openPopup();
    await expect(popup.getByText('Offline: your pages as last seen; refreshing when the connection is back.')).toBeVisible();
    await expect(popup.getByLabel('Incident background', { exact: true })).toHaveValue('#c0392b'); // from the cache
    expect(pageReads()).toBe(readsBefore);
  } finally {
    await context.setOffline(false);
  }
  await expect(popup.getByText(/^Offline:/)).toHaveCount(0);
  await expect.poll(pageReads, { timeout: 10_000 }).toBeGreaterThan(readsBefore);
});

test('"Copy Statuspage\'s embed tag" copies the official script tag for the chosen page', async ({ popup: page }) => {
  await page.getByLabel('Page').selectOption(payments);
  await page.getByRole('button', { name: "Copy Statuspage's embed tag" }).click();
  await expect(page.getByText("Copied Statuspage's embed tag.")).toBeVisible();
  expect(await paste(page)).toBe('<script src="https://acme-payments.statuspage.io/embed/script.js"></script>');
});
