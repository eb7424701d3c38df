/// <reference types="chrome" />
import { liveServiceWorker } from '../../support/chromium';
import { expect, test, teamAccessUrl } from './fixtures';

test('a matrix stored by the version before (one item) opens as rows, split once into one item per user', async ({
  teamAccess: page,
  extensionId,
}) => {
  const worker = await liveServiceWorker(page.context(), extensionId);
  // Version 1: the whole matrix in `org.<id>.teamAccess.matrix`, no version mark.
  const prefix = await worker.evaluate(async () => {
    const { connections } = (await chrome.storage.local.get('connections')) as { connections: { active: string } };
    const prefix = `org.${connections.active}.teamAccess.`;
    const user = (id: string, name: string, cells?: Record<string, string>) => ({
      id,
      name,
      email: `${id}@acme.example`,
      firstSeenAt: 1,
      ...(cells && { readAt: 2, cells }),
    });
    await chrome.storage.local.remove([`${prefix}matrix$`]);
    await chrome.storage.local.set({
      [`${prefix}matrix`]: {
        pages: [{ id: 'p1', name: 'Old Page', usesRoles: true }],
        users: { u1: user('u1', 'Old Reader', { p1: 'i' }), u2: user('u2', 'Never Read') },
      },
    });
    return prefix;
  });
  await page.goto(teamAccessUrl(extensionId));
  const table = page.getByRole('table', { name: 'Team access: users by page' });
  await expect(table).toHaveAttribute('aria-rowcount', '3');
  await expect(page.getByRole('cell', { name: 'Old Reader on Old Page: access, Manage incidents' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Never Read on Old Page: not scanned yet' })).toBeVisible();
  const stored = await worker.evaluate(async (prefix) => {
    const all = await chrome.storage.local.get(null);
    return { index: all[`${prefix}matrix`], pages: all[`${prefix}pages`], version: all[`${prefix}matrix$`], row: all[`${prefix}row.u1`] };
  }, prefix);
  // Then (version 3) the index in the table's first order, by name: the page reads its first screen's rows first.
  expect(stored.index).toEqual({ userIds: ['u2', 'u1'] });
  expect(stored.pages).toEqual([{ id: 'p1', name: 'Old Page', usesRoles: true }]);
  expect(stored.version).toEqual({ v: 3 });
  expect(stored.row).toMatchObject({ id: 'u1', name: 'Old Reader', cells: { p1: 'i' } });
});
