/// <reference types="chrome" />
// `chrome` is what serviceWorker.evaluate() runs against, inside the extension.
import { expect, test } from '../fixtures';
import { SEED_PAGE_IDS } from '../../../sandbox';
import type { Locator, Page } from '@playwright/test';
import { apiCall, connectPopup, expectSaved, logged, popupUrl, queueFault, resetAll, setRateLimit } from './helpers';
import { screenshotPath } from '../../support/screenshots';

/** Which corner of its preview page the card is drawn in, measured on screen (not read from a class name). */
async function cornerOf(preview: Locator): Promise<string> {
  const frame = await preview.boundingBox();
  const card = await preview.locator('.card').boundingBox();
  if (!frame || !card) return 'none';
  const vertical = card.y + card.height / 2 < frame.y + frame.height / 2 ? 'top' : 'bottom';
  const horizontal = card.x + card.width / 2 < frame.x + frame.width / 2 ? 'left' : 'right';
  return `${vertical}-${horizontal}`;
}

test.beforeEach(async ({ sandbox, serviceWorker }) => {
  await resetAll(sandbox, serviceWorker);
});

const payments = SEED_PAGE_IDS.payments; // seeded at `bottom_right`, #FFB000 on #1A1A1A text

test('colours and corner are saved with a PATCH of only the changed fields, and the preview matches', { tag: '@screenshot' }, async ({
  page,
  extensionId,
  sandbox,
}) => {
  await page.setViewportSize({ width: 440, height: 600 });
  await connectPopup(page, extensionId, sandbox);
  await page.getByLabel('Page').selectOption(payments);
  await expect(page.getByLabel('Incident background', { exact: true })).toHaveValue('#ffb000');

  await page.getByLabel('Top left').check();
  await page.getByLabel('Incident background', { exact: true }).fill('#0b3d91');
  await page.getByLabel('Incident text', { exact: true }).fill('#334455');
  // #334455 on #0b3d91 is far below 4.5:1: the warning says so.
  await expect(page.getByTestId('contrast-incident')).toContainText('below the 4.5:1');
  await page.getByLabel('Incident text', { exact: true }).fill('#ffffff');
  await expect(page.getByTestId('contrast-incident')).toContainText('WCAG AA');
  await expect(page.getByTestId('contrast-incident')).not.toContainText('below');

  // The preview is the widget's own card, in the chosen corner, in the chosen colours.
  const incidentCard = page.getByTestId('preview-incident').locator('.card');
  await expect(incidentCard).toHaveCSS('background-color', 'rgb(11, 61, 145)');
  await expect(incidentCard).toHaveCSS('color', 'rgb(255, 255, 255)');
  await expect.poll(() => cornerOf(page.getByTestId('preview-incident'))).toBe('top-left');
  // One card at real size, legible: its name is 15 px text, not a scaled-down picture.
  await expect(page.getByTestId('preview-incident').locator('.name')).toHaveCSS('font-size', '15px');
  await page.getByRole('radio', { name: 'Maintenance' }).check();
  await expect.poll(() => cornerOf(page.getByTestId('preview-maintenance'))).toBe('top-left');
  await page.getByRole('radio', { name: 'Incident' }).check();
  await page.screenshot({ path: screenshotPath('popup-embed.png') });

  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expectSaved(page);

  const patches = logged(sandbox, 'PATCH', `/pages/${payments}/status_embed_config`);
  expect(patches).toHaveLength(1);
  // Only the changed fields, the corner in the spelling the page already used (underscores).
  expect(patches[0]!.body).toEqual({
    status_embed_config: { position: 'top_left', incident_background_color: '#0b3d91', incident_text_color: '#ffffff' },
  });
  expect(await apiCall(sandbox, 'GET', `/pages/${payments}/status_embed_config`)).toMatchObject({
    position: 'top_left',
    incident_background_color: '#0b3d91',
    incident_text_color: '#ffffff',
    maintenance_background_color: '#0B5394',
  });
  // After the save, the editor shows what the server now holds, and the preview still matches it.
  await expect(page.getByLabel('Top left')).toBeChecked();
  await expect(incidentCard).toHaveCSS('background-color', 'rgb(11, 61, 145)');
  await expect.poll(() => cornerOf(page.getByTestId('preview-incident'))).toBe('top-left');
});

test('Revert drops the draft; a half-typed colour keeps Save off', async ({ page, extensionId, sandbox }) => {
  await connectPopup(page, extensionId, sandbox);
  const field = page.getByLabel('Maintenance text', { exact: true });
  const before = await field.inputValue();
  await field.fill('#12');
  await expect(page.getByText('2 hex digits: a colour has 3 or 6, such as #c0392b')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save', exact: true })).toBeDisabled();
  await page.getByRole('button', { name: 'Revert' }).click();
  await expect(field).toHaveValue(before);
  expect(logged(sandbox, 'PATCH', '/status_embed_config')).toHaveLength(0);
});

test('a closed and reopened popup keeps its draft', async ({ page, context, extensionId, sandbox }) => {
  await connectPopup(page, extensionId, sandbox);
  await page.getByLabel('Bottom right').check();
  await page.getByLabel('Maintenance background', { exact: true }).fill('#223344');
  const pageId = await page.getByLabel('Page').inputValue();
  await page.close();

  const reopened = await context.newPage();
  await reopened.goto(popupUrl(extensionId));
  await expect(reopened.getByLabel('Page')).toHaveValue(pageId);
  await expect(reopened.getByLabel('Maintenance background', { exact: true })).toHaveValue('#223344');
  await expect(reopened.getByLabel('Bottom right')).toBeChecked();
  await expect(reopened.getByRole('button', { name: 'Revert' })).toBeEnabled();
  await reopened.close();
});

for (const status of [429, 420] as const) {
  test(`a rate-limited save (${status}) counts down, then retries by itself and succeeds`, async ({ page, extensionId, sandbox }) => {
    await connectPopup(page, extensionId, sandbox);
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

test('a 422 shows the server\'s words next to the field; the draft survives a reopen; "!" stays until a save succeeds', async ({
  page,
  context,
  extensionId,
  sandbox,
  serviceWorker,
}) => {
  const badge = () => serviceWorker.evaluate(() => chrome.action.getBadgeText({}));
  await connectPopup(page, extensionId, sandbox);
  await page.getByLabel('Page').selectOption(payments);
  await expect(page.getByLabel('Incident background', { exact: true })).toHaveValue('#ffb000');
  await page.getByLabel('Incident text', { exact: true }).fill('#102030');

  // The sandbox accepts every colour the editor sends: Statuspage's own refusal, for the next save, is a queued fault.
  const refusal = 'incident_text_color is not a colour this plan allows';
  await queueFault(sandbox, { status: 422, method: 'PATCH', path: `/pages/${payments}/status_embed_config`, shape: 'error', message: refusal });
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const field = page.getByLabel('Incident text', { exact: true });
  await expect(page.locator('#incident_text_color-message')).toHaveText(`Statuspage: ${refusal}`);
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveAccessibleDescription(`Statuspage: ${refusal}`);
  await expect(page.getByRole('alert').filter({ hasText: 'Not saved.' })).toContainText(
    `Not saved. Statuspage refused the values for the page "Acme Payments" (422): ${refusal}. Your draft is kept.`,
  );
  await expect.poll(badge).toBe('!');

  // Closed and opened again: the draft and the reason are still there.
  await page.close();
  const reopened = await context.newPage();
  await reopened.goto(popupUrl(extensionId));
  await expect(reopened.getByLabel('Incident text', { exact: true })).toHaveValue('#102030');
  await expect(reopened.locator('#incident_text_color-message')).toHaveText(`Statuspage: ${refusal}`);
  expect(await apiCall(sandbox, 'GET', `/pages/${payments}/status_embed_config`)).toMatchObject({ incident_text_color: '#1A1A1A' });

  // Statuspage accepts it now (the fault was used up): the save goes through, the badge clears.
  await reopened.getByRole('button', { name: 'Save', exact: true }).click();
  await expectSaved(reopened);
  await expect(reopened.locator('#incident_text_color-message')).toHaveCount(0);
  await expect.poll(badge).toBe('');
  await reopened.close();
});

test('a page that is gone (404) is named when the refresh and the save fail, and the draft stays', async ({
  page,
  context,
  extensionId,
  sandbox,
}) => {
  await connectPopup(page, extensionId, sandbox);
  await page.getByLabel('Page').selectOption(payments);
  await expect(page.getByLabel('Maintenance text', { exact: true })).toHaveValue('#ffffff');
  await page.getByLabel('Maintenance text', { exact: true }).fill('#eeeeee');
  await page.close();

  // Deleted on Statuspage since the popup cached it: every call about it answers 404 (far more than the test makes;
  // the next test's reset clears what is left).
  await queueFault(sandbox, { status: 404, path: `/pages/${payments}/`, times: 100, shape: 'error', message: 'Not found' });
  const popup = await context.newPage();
  await popup.goto(popupUrl(extensionId));
  const gone = 'Statuspage could not find the page "Acme Payments" (404): it may have been deleted, or belong to another organization.';
  await expect(popup.getByRole('alert').filter({ hasText: 'Could not refresh the embed settings' })).toHaveText(
    `Could not refresh the embed settings: ${gone}`,
  );
  await expect(popup.getByLabel('Maintenance text', { exact: true })).toHaveValue('#eeeeee');
  await popup.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(popup.getByRole('alert').filter({ hasText: 'Not saved.' })).toContainText(`Not saved. ${gone} Your draft is kept.`);
  await expect(popup.getByLabel('Maintenance text', { exact: true })).toHaveValue('#eeeeee');
  await expect(popup.getByRole('button', { name: 'Revert' })).toBeEnabled();
  await popup.close();
});

test('opened over a manage.statuspage.io status-embed URL, it starts on that page in the Embed tab', async ({
  page,
  context,
  extensionId,
  sandbox,
  serviceWorker,
}) => {
  await connectPopup(page, extensionId, sandbox);
  await page.getByRole('tab', { name: 'Permissions' }).click(); // the last used context is elsewhere
  await page.close();

  const manage = await context.newPage();
  await manage.route('https://manage.statuspage.io/**', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Status embed · Statuspage</title><h1>Status embed</h1>' }),
  );
  await manage.goto(`https://manage.statuspage.io/pages/${payments}/status-embed`);
  const tabId = await serviceWorker.evaluate(async (url) => (await chrome.tabs.query({ url }))[0]?.id, manage.url());
  expect(tabId).toBeDefined();

  const popup = await context.newPage();
  await popup.goto(popupUrl(extensionId, `?tab=${tabId}`));
  await expect(popup.getByRole('tab', { name: 'Embed' })).toHaveAttribute('aria-selected', 'true');
  await expect(popup.getByLabel('Page')).toHaveValue(payments);
  await expect(popup.getByLabel('Page')).toBeFocused();
  await popup.close();
  await manage.close();
});

test('offline, a save waits for the connection and goes out when it is back', async ({ page, context, extensionId, sandbox }) => {
  await connectPopup(page, extensionId, sandbox);
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
  page,
  context,
  extensionId,
  sandbox,
}) => {
  await connectPopup(page, extensionId, sandbox);
  await expect(page.getByLabel('Incident background', { exact: true })).toHaveValue('#c0392b');
  await page.close();
  const pageReads = () => logged(sandbox, 'GET', '/pages').length;
  const readsBefore = pageReads();

  await context.setOffline(true);
  let popup: Page | undefined;
  try {
    popup = await context.newPage();
    await popup.goto(popupUrl(extensionId));
    await expect(popup.getByText('Offline: your pages as last seen; refreshing when the connection is back.')).toBeVisible();
    await expect(popup.getByLabel('Incident background', { exact: true })).toHaveValue('#c0392b'); // from the cache
    expect(pageReads()).toBe(readsBefore);
  } finally {
    await context.setOffline(false);
  }
  await expect(popup.getByText(/^Offline:/)).toHaveCount(0);
  await expect.poll(pageReads, { timeout: 10_000 }).toBeGreaterThan(readsBefore);
  await popup.close();
});

test('"Copy Statuspage\'s embed tag" copies the official script tag for the chosen page', async ({ page, extensionId, sandbox }) => {
  await connectPopup(page, extensionId, sandbox);
  await page.getByLabel('Page').selectOption(payments);
  await page.getByRole('button', { name: "Copy Statuspage's embed tag" }).click();
  await expect(page.getByText("Copied Statuspage's embed tag.")).toBeVisible();
  // Read back the way a person would: paste it somewhere.
  await page.evaluate(() => {
    const pasteHere = document.createElement('textarea');
    pasteHere.id = 'paste-here';
    document.body.append(pasteHere);
    pasteHere.focus();
  });
  await page.keyboard.press('ControlOrMeta+V');
  await expect(page.locator('#paste-here')).toHaveValue('<script src="https://acme-payments.statuspage.io/embed/script.js"></script>');
});
