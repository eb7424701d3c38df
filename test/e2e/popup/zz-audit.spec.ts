/// <reference types="chrome" />
import { expect, test } from '../fixtures';
import { SEED_PAGE_IDS } from '../../../sandbox';
import { connectPopup, pickUser, popupUrl, resetAll } from './helpers';

const focused = (page: import('@playwright/test').Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return 'none';
    const label = el.getAttribute('aria-label') ?? (el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : '') ?? '';
    return `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}[${el.getAttribute('role') ?? ''}] "${(label || el.textContent || '').trim().slice(0, 40)}" outline=${getComputedStyle(el).outlineStyle}/${getComputedStyle(el).outlineColor}`;
  });

test('audit', async ({ page, context, extensionId, sandbox, serviceWorker }) => {
  test.setTimeout(120_000);
  await resetAll(sandbox, serviceWorker);
  await page.setViewportSize({ width: 440, height: 600 });
  await page.goto(popupUrl(extensionId));
  console.log('setup focus:', await focused(page));
  await page.screenshot({ path: '/tmp/audit/setup-light.png' });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: '/tmp/audit/setup-dark.png' });
  await page.emulateMedia({ colorScheme: 'light' });
  await connectPopup(page, extensionId, sandbox);
  await page.goto(popupUrl(extensionId));
  await expect(page.getByLabel('Page')).toBeFocused();
  // tab order from the start
  const order: string[] = [];
  await page.keyboard.press('Shift+Tab'); order.push('S-Tab: ' + (await focused(page)));
  await page.keyboard.press('Shift+Tab'); order.push('S-Tab: ' + (await focused(page)));
  await page.keyboard.press('Shift+Tab'); order.push('S-Tab: ' + (await focused(page)));
  await page.getByLabel('Page').focus();
  for (let i = 0; i < 22; i++) { await page.keyboard.press('Tab'); order.push(await focused(page)); }
  console.log(order.join('\n'));
  await page.getByRole('button', { name: 'Connection' }).focus();
  await page.screenshot({ path: '/tmp/audit/focus-connection.png' });
  await page.getByRole('tab', { name: 'Embed' }).focus();
  await page.keyboard.press('ArrowRight');
  await page.screenshot({ path: '/tmp/audit/focus-tab.png' });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.getByRole('tab', { name: 'Embed' }).click();
  await page.getByLabel('Incident text', { exact: true }).fill('#334455');
  await page.screenshot({ path: '/tmp/audit/embed-dark.png', fullPage: true });
  await page.getByRole('tab', { name: 'Permissions' }).click();
  const owner = ((await (await fetch(`${sandbox.apiBaseUrl}/organizations/${sandbox.organizationId}/users?page=1&per_page=1`, { headers: { Authorization: `OAuth ${sandbox.apiKey}` } })).json()) as Array<{ email: string }>)[0]!;
  await pickUser(page, owner.email);
  await page.emulateMedia({ colorScheme: 'light' });
  // Permissions opened fresh: first field focus
  await page.goto(popupUrl(extensionId));
  console.log('perm open focus:', await focused(page));
  await expect(page.getByRole('combobox', { name: 'User' })).toBeFocused();
  // Tab order in permissions
  const order2: string[] = [];
  for (let i = 0; i < 10; i++) { await page.keyboard.press('Tab'); order2.push(await focused(page)); }
  console.log(order2.join('\n'));
  // Removal dialog: focus, Escape, return
  await page.getByLabel('Access to Acme Labs').uncheck();
  await page.getByLabel('Access to Acme Cloud').uncheck();
  await page.getByRole('button', { name: 'Save', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toBeVisible();
  console.log('dialog focus:', await focused(page));
  await page.screenshot({ path: '/tmp/audit/dialog.png' });
  const d: string[] = [];
  for (let i = 0; i < 5; i++) { await page.keyboard.press('Tab'); d.push(await focused(page)); }
  console.log('dialog tabbing:', d.join(' | '));
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
  console.log('after Escape focus:', await focused(page));
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  console.log('after Cancel focus:', await focused(page));
  // Copy from user focus
  await page.getByRole('button', { name: 'Copy from user…' }).click();
  await page.getByRole('button', { name: 'Cancel copying' }).click();
  console.log('after cancel copying focus:', await focused(page));
  await page.getByRole('button', { name: 'Copy from user…' }).click();
  await page.keyboard.type('lovelace');
  await page.keyboard.press('Enter');
  await expect(page.getByText(/Started from/)).toBeVisible();
  console.log('after copying focus:', await focused(page));
  await page.screenshot({ path: '/tmp/audit/after-copy.png', fullPage: true });
});
