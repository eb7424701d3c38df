import { describe, expect, it } from 'vitest';
import { NO_FILTER, visibleUsers } from '../../../extension/team-access/matrix/filters';
import { withSelected } from '../../../extension/team-access/page/selection';
import { type HeldRows, stableView } from '../../../extension/team-access/page/use-stable-rows';
import type { MatrixUser } from '../../../extension/team-access/team-access-storage';
import { user } from './support';

const BY_NAME = { key: 'name', descending: false } as const;
const HAS_CLOUD = { ...NO_FILTER, pageId: 'cloud', access: 'has' } as const;
const VIEW = 'cloud, has access, by name';

/** The table as the page computes it: the users matching the filter, then what is held in place. */
function table(users: MatrixUser[], hold: boolean, held: HeldRows | null, viewKey = VIEW) {
  const byId = Object.fromEntries(users.map((u) => [u.id, u]));
  return stableView(visibleUsers(users, HAS_CLOUD, BY_NAME, null), byId, hold, viewKey, held);
}
const names = (rows: MatrixUser[]) => rows.map((row) => row.name);

describe('rows held in place while the scan reads', () => {
  const ben = user('u2', 'Ben Okafor', { cloud: 'i' });
  const dana = user('u4', 'Dana Reyes', { cloud: '' });
  const unreadAda = user('u1', 'Ada Byrne', undefined);
  const unreadCruz = user('u3', 'Cruz Lima', undefined);
  const before = [unreadAda, ben, unreadCruz, dana];

  it('shows the rows as they match when nothing is held (no scan running)', () => {
    const view = table(before, false, null);
    expect(names(view.rows)).toEqual(['Ben Okafor', 'Dana Reyes']);
    expect(view.waiting).toBe(0);
    expect(view.held).toBeNull();
  });

  it('keeps every row in its place as the scan inserts users above them, and counts them as "N more now match"', () => {
    const start = table(before, true, null);
    expect(start.held).toEqual({ key: VIEW, ids: ['u2', 'u4'] });
    // The scan reads Ada and Cruz: both now match, Ada sorts above Ben, Cruz between Ben and Dana.
    const read = [user('u1', 'Ada Byrne', { cloud: 'c' }), ben, user('u3', 'Cruz Lima', { cloud: '' }), dana];
    const after = table(read, true, start.held);
    expect(names(after.rows)).toEqual(['Ben Okafor', 'Dana Reyes']);
    expect(after.waiting).toBe(2);
    expect(after.held).toBe(start.held);
    // "Show them": the page holds the rows as they match now.
    const shown = table(read, true, { key: VIEW, ids: visibleUsers(read, HAS_CLOUD, BY_NAME, null).map((row) => row.id) });
    expect(names(shown.rows)).toEqual(['Ada Byrne', 'Ben Okafor', 'Cruz Lima', 'Dana Reyes']);
    expect(shown.waiting).toBe(0);
  });

  it('updates a held row in its place, even when its new access no longer matches or sorts it elsewhere', () => {
    const start = table(before, true, null);
    // Ben is read again and lost access to Acme Cloud; Dana was renamed "Aaron Reyes" (would sort first).
    const reread = [unreadAda, user('u2', 'Ben Okafor', {}), unreadCruz, { ...dana, name: 'Aaron Reyes' }];
    const after = table(reread, true, start.held);
    expect(after.rows.map((row) => row.id)).toEqual(['u2', 'u4']);
    expect(after.rows[0]?.cells).toEqual({});
    expect(after.rows[1]?.name).toBe('Aaron Reyes');
    expect(after.waiting).toBe(0);
  });

  it('leaves out a held user who left the organization', () => {
    const start = table(before, true, null);
    const after = table([unreadAda, ben, unreadCruz], true, start.held);
    expect(names(after.rows)).toEqual(['Ben Okafor']);
  });

  it('takes the rows as they are now for a new filter or sort, and when holding starts again', () => {
    const start = table(before, true, null);
    const read = [user('u1', 'Ada Byrne', { cloud: 'c' }), ben, unreadCruz, dana];
    const otherView = table(read, true, start.held, 'cloud, has access, by email');
    expect(names(otherView.rows)).toEqual(['Ada Byrne', 'Ben Okafor', 'Dana Reyes']);
    expect(otherView.held?.key).toBe('cloud, has access, by email');
    // The scan stops (paused, done): rows as they match, and nothing kept for the next time it runs.
    const stopped = table(read, false, start.held);
    expect(stopped.held).toBeNull();
    expect(table(read, true, stopped.held).held?.ids).toEqual(['u1', 'u2', 'u4']);
  });

  it('holds nothing while no row matches yet, so the first matches show at once', () => {
    const view = table([unreadAda, unreadCruz], true, null);
    expect(view.rows).toEqual([]);
    expect(view.held).toBeNull();
  });

  it('keeps a selection with its people (by user id, two people of the same name apart) while rows move and update', () => {
    const amara1 = user('u5', 'Amara Khan', { cloud: '' }, { email: 'amara.k@acme.example' });
    const amara2 = user('u6', 'Amara Khan', { cloud: 'i' }, { email: 'amara.khan@acme.example' });
    const users = [amara1, ben, amara2];
    const start = table(users, true, null);
    const selected = withSelected(new Set(), [start.rows[1]!.id], true); // the second "Amara Khan" row
    const picked = start.rows[1]!.id;
    // A read updates both people called Amara Khan; the one selected is still the one selected, wherever they are drawn.
    const reread = [{ ...amara1, cells: { cloud: 'c' } }, ben, { ...amara2, cells: { cloud: 'cim' } }];
    const after = table(reread, true, start.held);
    expect(after.rows.filter((row) => selected.has(row.id)).map((row) => row.email)).toEqual([users.find((u) => u.id === picked)!.email]);
    // Shown again in another order, the selection is the same person.
    const resorted = table(reread, true, null, 'by email');
    expect(resorted.rows.filter((row) => selected.has(row.id)).map((row) => row.id)).toEqual([picked]);
    expect([...withSelected(selected, [picked], false)]).toEqual([]);
  });
});
