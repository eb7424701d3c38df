/// <reference types="chrome" />
// The in-page preview on manage.statuspage.io: it follows the popup's draft by itself, and goes away when the
// popup closes, after a save, and on Escape. The manage page is served by route interception.
import AxeBuilder from '@axe-core/playwright';
import { SEED_PAGE_IDS } from '../../../sandbox';
import { expect, test } from '../fixtures';
import { connectPopup, logged, resetAll } from '../popup/helpers';
import { expectNoDraft, expectPopupPreviewBackground, openManagePage, openPopupFor, PREVIEW_HOST, previewCard, tabIdOf } from './helpers';

const payments = SEED_PAGE_IDS.payments; // seeded at `bottom_right`, #FFB000 with #1A1A1A text, maintenance #0B5394 / #FFF

test.beforeEach(async ({ page, extensionId, sandbox, serviceWorker }) => {
  await resetAll(sandbox, serviceWorker);
  await connectPopup(page, extensionId, sandbox);
  await page.getByLabel('Page').selectOption(payments); // the last used page, for the popups opened below
  await expect(page.getByLabel('Incident background', { exact: true })).toHaveValue('#ffb000');
  await page.close();
});

test('shows the draft in its corner and colours, follows every edit, and switches samples', async ({ context, extensionId, serviceWorker }) => {
  const manage = await openManagePage(context, payments);
  const requestsFromManage: string[] = [];
  manage.on('request', (request) => requestsFromManage.push(request.url()));
  const popup = await openPopupFor(context, extensionId, await tabIdOf(serviceWorker, manage));

  // No draft, no preview.
  await expectNoDraft(popup, 'page');
  await expect(manage.locator(PREVIEW_HOST)).toHaveCount(0);

  await popup.getByLabel('Incident background', { exact: true }).fill('#0b3d91');
  const card = previewCard(manage);
  await expect(card).toHaveCSS('background-color', 'rgb(11, 61, 145)');
  await expect(card).toHaveCSS('color', 'rgb(26, 26, 26)'); // the saved text colour, not yet edited
  await expect(card).toHaveClass(/\bincident\b.*\bbottom right\b/);
  await expect(card).toHaveCSS('bottom', '60px');
  await expect(card).toHaveCSS('right', '60px');
  await expect(manage.locator(PREVIEW_HOST).getByText('Preview · Esc to close')).toBeVisible();
  await expect(popup.getByTestId('in-page-preview-status')).toContainText('Previewing on this page');

  await popup.getByLabel('Incident text', { exact: true }).fill('#ffffff');
  await expect(card).toHaveCSS('color', 'rgb(255, 255, 255)');
  await popup.getByLabel('Top left').check();
  await expect(card).toHaveClass(/\btop left\b/);
  await expect(card).toHaveCSS('top', '60px');
  await expect(card).toHaveCSS('left', '60px');
  // A half-typed colour shows the saved one meanwhile, on the page as in the popup's own preview.
  await popup.getByLabel('Incident background', { exact: true }).fill('#12');
  await expect(card).toHaveCSS('background-color', 'rgb(255, 176, 0)');
  await expect(popup.getByTestId('preview-incident').locator('.card')).toHaveCSS('background-color', 'rgb(255, 176, 0)');
  await popup.getByLabel('Incident background', { exact: true }).fill('#0b3d91');
  await expect(card).toHaveCSS('background-color', 'rgb(11, 61, 145)');

  await popup.getByRole('radio', { name: 'Maintenance' }).check();
  await expect(card).toHaveClass(/\bmaintenance\b/);
  await expect(card).toHaveCSS('background-color', 'rgb(11, 83, 148)');
  await expect(card).toContainText('Database upgrade');
  await popup.getByLabel('Maintenance background', { exact: true }).fill('#550055');
  await expect(card).toHaveCSS('background-color', 'rgb(85, 0, 85)');

  // The page made no request of its own while the preview followed the draft: no API call from the content script.
  expect(requestsFromManage).toEqual([]);
  await popup.close();
  await manage.close();
});

test('closing the popup without saving removes the preview; reopening it with the draft brings it back', async ({
  context,
  extensionId,
  serviceWorker,
}) => {
  const manage = await openManagePage(context, payments);
  const tabId = await tabIdOf(serviceWorker, manage);
  const popup = await openPopupFor(context, extensionId, tabId);
  await popup.getByLabel('Maintenance text', { exact: true }).fill('#ffee00');
  await expect(previewCard(manage)).toBeVisible();

  await popup.close();
  await expect(manage.locator(PREVIEW_HOST)).toHaveCount(0);

  const reopened = await openPopupFor(context, extensionId, tabId);
  await expect(reopened.getByLabel('Maintenance text', { exact: true })).toHaveValue('#ffee00');
  await expect(previewCard(manage)).toBeVisible();
  await reopened.close();
  await expect(manage.locator(PREVIEW_HOST)).toHaveCount(0);
  await manage.close();
});

test('a save removes the preview; the next edit starts a new one, and Revert removes that', async ({
  context,
  extensionId,
  sandbox,
  serviceWorker,
}) => {
  const manage = await openManagePage(context, payments);
  const popup = await openPopupFor(context, extensionId, await tabIdOf(serviceWorker, manage));
  await popup.getByLabel('Bottom left').check();
  await expect(previewCard(manage)).toHaveClass(/\bbottom left\b/);

  await popup.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(manage.locator(PREVIEW_HOST)).toHaveCount(0);
  await expect(popup.getByRole('button', { name: 'Revert' })).toBeDisabled();
  expect(logged(sandbox, 'PATCH', `/pages/${payments}/status_embed_config`).map((entry) => entry.status)).toEqual([200]);

  await popup.getByLabel('Incident background', { exact: true }).fill('#224466');
  await expect(previewCard(manage)).toHaveCSS('background-color', 'rgb(34, 68, 102)');

  await popup.getByRole('button', { name: 'Revert' }).click();
  await expect(manage.locator(PREVIEW_HOST)).toHaveCount(0);
  await expectNoDraft(popup, 'page');
  await popup.close();
  await manage.close();
});

test("Escape on the page, or the card's ×, removes the preview; the popup offers it again", async ({ context, extensionId, serviceWorker }) => {
  const manage = await openManagePage(context, payments);
  const popup = await openPopupFor(context, extensionId, await tabIdOf(serviceWorker, manage));
  await popup.getByLabel('Incident background', { exact: true }).fill('#334455');
  await expect(previewCard(manage)).toBeVisible();

  await manage.keyboard.press('Escape');
  await expect(manage.locator(PREVIEW_HOST)).toHaveCount(0);
  await expect(popup.getByTestId('in-page-preview-status')).toHaveText('Preview closed on the page.');
  // Edits no longer bring it back by themselves...
  await popup.getByLabel('Incident background', { exact: true }).fill('#445566');
  await expectPopupPreviewBackground(popup, 'rgb(68, 85, 102)'); // the edit is drawn in the popup...
  await expect(popup.getByTestId('in-page-preview-status')).toHaveText('Preview closed on the page.');
  await expect(manage.locator(PREVIEW_HOST)).toHaveCount(0); // ...and not on the page

  // ...the button does, from the keyboard too. The controls pass axe (the sample switch, the button, the status line).
  const axe = await new AxeBuilder({ page: popup }).include('.in-page-preview').analyze();
  expect(axe.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
  const again = popup.getByRole('button', { name: 'Preview on this tab' });
  await again.focus();
  await popup.keyboard.press('Enter');
  await expect(previewCard(manage)).toHaveCSS('background-color', 'rgb(68, 85, 102)');

  await manage.getByRole('button', { name: 'Dismiss status message' }).click();
  await expect(manage.locator(PREVIEW_HOST)).toHaveCount(0);
  await expect(popup.getByRole('button', { name: 'Preview on this tab' })).toBeVisible();
  await popup.close();
  await manage.close();
});
