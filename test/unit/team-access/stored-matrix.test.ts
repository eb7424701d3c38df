import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { matrixChanges } from '../../../extension/team-access/matrix/matrix-changes';
import { loadMatrix, matrixIndexItem, readRows, storedMatrixRows } from '../../../extension/team-access/matrix/stored-matrix';
import { MatrixLoader } from '../../../extension/team-access/page/matrix-loader';
import { matrixOf, PAGES, user } from './support';

const ID = 'c0conn1';
const PREFIX = `org.${ID}.teamAccess.`;
const cruz = user('u1', 'Cruz Lima', { cloud: 'i' });
const ada = user('u2', 'Ada Byrne', undefined);
const ben = user('u3', 'Ben Okafor', { labs: '' });

beforeEach(() => {
  fakeBrowser.reset();
});

describe('the stored matrix', () => {
  it('migrates a version 2 index (the organization’s order) to the table’s first order; an unreadable row keeps its user, last', async () => {
    await browser.storage.local.set({
      [`${PREFIX}matrix`]: { userIds: ['u1', 'u9', 'u2', 'u3'] },
      [`${PREFIX}matrix$`]: { v: 2 },
      [`${PREFIX}pages`]: PAGES,
      [`${PREFIX}row.u1`]: cruz,
      [`${PREFIX}row.u2`]: ada,
      [`${PREFIX}row.u3`]: ben,
      [`${PREFIX}row.u9`]: { id: 'u9', name: 42 },
    });
    expect(await matrixIndexItem(ID).getValue()).toEqual({ userIds: ['u2', 'u3', 'u1', 'u9'] });
    const stored = await browser.storage.local.get([`${PREFIX}matrix`, `${PREFIX}matrix$`]);
    expect(stored[`${PREFIX}matrix`]).toEqual({ userIds: ['u2', 'u3', 'u1', 'u9'] });
    expect(stored[`${PREFIX}matrix$`]).toEqual({ v: 3 });
    expect(Object.keys((await loadMatrix(ID)).users)).toEqual(['u2', 'u3', 'u1']);
  });

  it('migrates a version 1 matrix (one item) into rows and an index by name', async () => {
    await browser.storage.local.set({ [`${PREFIX}matrix`]: matrixOf([cruz, ada, ben]) });
    expect(await matrixIndexItem(ID).getValue()).toEqual({ userIds: ['u2', 'u3', 'u1'] });
    expect(await readRows(ID, ['u1', 'u3'])).toEqual([cruz, ben]);
    expect((await loadMatrix(ID)).pages).toEqual(PAGES);
  });

  it('writes the index in the table’s first order with a new list (a name changed too), and one row per read', async () => {
    const rows = storedMatrixRows(ID);
    const empty = matrixOf([], []);
    const listed = matrixOf([cruz, ada, ben]);
    await rows.write(matrixChanges(empty, listed));
    expect(await matrixIndexItem(ID).getValue()).toEqual({ userIds: ['u2', 'u3', 'u1'] });
    const read = { ...listed, users: { ...listed.users, u2: { ...ada, readAt: 5, cells: {} } } };
    expect(matrixChanges(listed, read).index).toBeUndefined();
    const renamed = { ...read, users: { ...read.users, u1: { ...cruz, name: 'Aaron Lima' } } };
    const changes = matrixChanges(read, renamed);
    expect(changes.rows).toHaveLength(1);
    expect(changes.index).toEqual({ userIds: ['u1', 'u2', 'u3'] });
  });
});

describe('the page’s copy, read a chunk at a time', () => {
  const order = ['u2', 'u3', 'u1'];

  it('starts from the first rows, reads the rest in the index’s order, and says how far it got', () => {
    const loader = new MatrixLoader(order, PAGES, [ada]);
    expect(loader.value.loading).toEqual({ read: 1, total: 3 });
    expect(loader.nextChunk(1)).toEqual(['u3']);
    expect(loader.nextChunk(5)).toEqual(['u1']);
    expect(loader.nextChunk(5)).toEqual([]);
    loader.addChunk(['u3'], [ben]);
    // Asked for, not answered yet: still loading.
    expect(loader.value.loading).toEqual({ read: 2, total: 3 });
    loader.addChunk(['u1'], []); // a row that cannot be read counts as read (its user is left out, as stored)
    expect(loader.value.loading).toBeUndefined();
    expect(Object.keys(loader.value.matrix.users)).toEqual(['u2', 'u3']);
  });

  it('never lets a chunk read before a scan’s change overwrite it, nor bring back a row removed since', () => {
    const loader = new MatrixLoader(order, PAGES, []);
    const asked = loader.nextChunk(3);
    // While the chunk is being read, the scan records Cruz's read and Ben leaves (the index first, then his row).
    const cruzRead = { ...cruz, readAt: 99, cells: { pay: 'm' } };
    loader.applyChanges({ rows: [cruzRead] });
    loader.applyChanges({ order: ['u2', 'u1'] });
    loader.applyChanges({ removed: ['u3'] });
    loader.addChunk(asked, [ada, ben, cruz]); // what storage held when the chunk was read
    const { matrix, loading } = loader.value;
    expect(loading).toBeUndefined();
    expect(matrix.users.u1).toEqual(cruzRead);
    expect(matrix.users.u3).toBeUndefined();
    expect(Object.keys(matrix.users).sort()).toEqual(['u1', 'u2']);
  });

  it('hands out the same value until the rows or the progress change, so publishing it again draws nothing', () => {
    const loader = new MatrixLoader(order, PAGES, [ada]);
    const first = loader.value;
    expect(loader.value).toBe(first);
    loader.nextChunk(1); // asked for, not answered: nothing changed yet
    expect(loader.value).toBe(first);
    loader.addChunk(['u3'], [ben]);
    const second = loader.value;
    expect(second).not.toBe(first);
    expect(second.loading).toEqual({ read: 2, total: 3 });
    loader.addChunk(['u1'], []); // progress only: the rows stay the same object, the value does not
    expect(loader.value).not.toBe(second);
    expect(loader.value.matrix).toBe(second.matrix);
  });

  it('reads a new list’s new users too, and counts them as loading until then', () => {
    const loader = new MatrixLoader(order, PAGES, [ada, ben, cruz]);
    expect(loader.value.loading).toBeUndefined();
    loader.applyChanges({ order: ['u4', 'u2', 'u3', 'u1'] });
    expect(loader.value.loading).toEqual({ read: 3, total: 4 });
    expect(loader.nextChunk(10)).toEqual(['u4']);
  });
});
