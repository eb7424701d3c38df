/// <reference types="chrome" />
import { liveServiceWorker } from '../../support/chromium';
import { seedUsers } from '../../support/sandbox-api';
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

test('a scan stored by the version before (its order in its record) resumes after the update where it was: nobody read twice, the lists not read again', async ({
  teamAccess: page,
  extensionId,
  sandbox,
}) => {
  const users = await seedUsers(sandbox);
  const worker = await liveServiceWorker(page.context(), extensionId);
  const startedAt = Date.now() - 60_000;
  // The scan's order, against the names' (a new order would start with A): the first three read by this scan.
  const order = users.map((user) => user.id).reverse();
  const prefix = await worker.evaluate(
    async ({ users, order, startedAt }) => {
      const { connections } = (await chrome.storage.local.get('connections')) as { connections: { active: string } };
      const prefix = `org.${connections.active}.teamAccess.`;
      const rows = users.map((user) => [
        `${prefix}row.${user.id}`,
        {
          id: user.id,
          name: `${user.first_name} ${user.last_name}`,
          email: user.email,
          firstSeenAt: 1,
          ...(order.indexOf(user.id) < 3 && { readAt: startedAt + 1_000, cells: {} }),
        },
      ]);
      await chrome.storage.local.remove([`${prefix}scan$`, `${prefix}scanOrder`]);
      await chrome.storage.local.set({
        ...Object.fromEntries(rows),
        [`${prefix}matrix`]: { userIds: users.map((user) => user.id) },
        [`${prefix}matrix$`]: { v: 3 },
        [`${prefix}pages`]: [],
        // Version 1 of the scan's record: paused, its order inside.
        [`${prefix}scan`]: { state: 'paused', startedAt, order, updatedAt: startedAt + 3_000 },
      });
      return prefix;
    },
    { users, order, startedAt },
  );
  const listed = sandbox.requests().length;
  await page.goto(teamAccessUrl(extensionId));
  await page.getByRole('button', { name: 'Resume scan' }).click();
  await expect(page.getByRole('status').filter({ hasText: new RegExp(`^\\d+ of ${users.length} users read, about`) })).toBeVisible();
  const since = () => sandbox.requests().slice(listed);
  const readsSince = () => since().flatMap((entry) => (entry.method === 'GET' ? (/\/permissions\/([\w-]+)$/.exec(entry.path)?.[1] ?? []) : []));
  await expect.poll(() => readsSince().length, { timeout: 15_000 }).toBeGreaterThanOrEqual(3);
  await page.getByRole('button', { name: 'Pause scan' }).click();
  // The reads went on from the order's fourth user, in its order; the lists were not read again.
  const reads = readsSince();
  expect(reads.slice(0, 3)).toEqual(order.slice(3, 6));
  expect(reads.filter((id) => order.indexOf(id) < 3)).toEqual([]);
  expect(since().filter((entry) => /\/(users|pages)$/.test(entry.path))).toEqual([]);
  // Stored now as version 2: the record without the order, the order in its own item.
  const stored = await worker.evaluate(async (prefix) => chrome.storage.local.get([`${prefix}scan`, `${prefix}scan$`, `${prefix}scanOrder`]), prefix);
  expect(stored[`${prefix}scan`]).not.toHaveProperty('order');
  expect(stored[`${prefix}scan$`]).toEqual({ v: 2 });
  expect(stored[`${prefix}scanOrder`]).toEqual({ startedAt, userIds: order });
});
