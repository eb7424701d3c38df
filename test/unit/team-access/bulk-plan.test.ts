import { describe, expect, it } from 'vitest';
import { applyChange, planBulkChange, planMappings, plannedCount, planRequest } from '../../../extension/team-access/bulk/bulk-plan';
import { unreadChangeText } from '../../../extension/team-access/bulk/permissions-text';
import { BulkPlanRequest } from '../../../extension/team-access/messages';
import { decodePermissions, encodePermissions } from '../../../extension/team-access/matrix/cell-code';
import { matrixOf, PAGES, user } from './support';

const ada = user('ada', 'Ada Lovelace', { cloud: 'i', labs: '' });
const bob = user('bob', 'Bob Byte', {});
const cy = user('cy', 'Cy Press', { cloud: 'cim', pay: 'c' });
const unread = user('new', 'Nia New', undefined);
const matrix = matrixOf([ada, bob, cy, unread]);
const usesRoles = (id: string) => PAGES.find((page) => page.id === id)?.usesRoles;

describe('cell codes', () => {
  it('round-trip a mapping; a page without role based access control is {}', () => {
    const pages = { cloud: { page_configuration: false, incident_manager: true, maintenance_manager: true }, labs: {} };
    expect(encodePermissions(pages)).toEqual({ cloud: 'im', labs: '' });
    expect(decodePermissions({ cloud: 'im', labs: '' }, usesRoles)).toEqual(pages);
  });
});

describe('applyChange', () => {
  it('grant adds access and roles, keeps roles already given, and gives no roles on a page without RBAC', () => {
    const after = applyChange(
      decodePermissions(ada.cells!, usesRoles),
      { kind: 'grant', pageIds: ['cloud', 'labs', 'pay'], roles: ['maintenance_manager'] },
      { usesRoles },
    );
    expect(encodePermissions(after)).toEqual({ cloud: 'im', labs: '', pay: 'm' });
  });
  it('set-role gives access when needed; clearing a role on a page without access changes nothing', () => {
    expect(encodePermissions(applyChange({}, { kind: 'set-role', pageId: 'pay', role: 'incident_manager', value: true }, { usesRoles }))).toEqual({
      pay: 'i',
    });
    expect(applyChange({}, { kind: 'set-role', pageId: 'pay', role: 'incident_manager', value: false }, { usesRoles })).toEqual({});
  });
});

describe('planBulkChange', () => {
  it('lists only users whose permissions change, names every loss of access and counts them', () => {
    const plan = planBulkChange({ kind: 'remove', pageId: 'cloud' }, [ada, bob, cy], matrix);
    expect(plan.users.map((u) => u.userId)).toEqual(['ada', 'cy']);
    expect(plan.unchanged).toBe(1); // Bob had no access to Acme Cloud: nothing is sent for him
    expect(plan.users.map((u) => u.losses)).toEqual([['cloud'], ['cloud']]);
    expect(plan.lossCount).toBe(2);
    expect(plan.label).toBe('Remove access to Acme Cloud');
  });

  it('copy gives everyone selected exactly the source user’s access, and counts what they lose', () => {
    const plan = planBulkChange({ kind: 'copy', fromUserId: 'ada' }, [ada, cy], matrix);
    expect(plan.users).toHaveLength(1);
    expect(encodePermissions(plan.users[0]!.after)).toEqual({ cloud: 'i', labs: '' });
    expect(plan.users[0]!.losses).toEqual(['pay']);
    expect(plan.unchanged).toBe(1); // Ada copied onto herself
  });

  it('plans users not read yet too: the change kept for a read just before the write, no guess at their access', () => {
    const plan = planBulkChange({ kind: 'grant', pageIds: ['pay'], roles: [] }, [bob, unread], matrix);
    expect(plan.users.map((u) => u.userId)).toEqual(['bob']);
    expect(plan.unread).toEqual({
      change: { kind: 'grant', pageIds: ['pay'], roles: [] },
      users: [{ userId: 'new', label: 'Nia New <nia.new@acme.example>' }],
      mayLose: [],
    });
    expect(plannedCount(plan)).toBe(2);
    expect(plan.lossCount).toBe(0);
    expect(unreadChangeText(plan.unread!.change, PAGES)).toBe('gets access to Acme Payments, unless they have it');
    // What the page asks the background to run carries both.
    expect(planRequest(plan)).toMatchObject({ users: [{ userId: 'bob' }], unread: { users: [{ userId: 'new' }] } });
    expect(BulkPlanRequest.safeParse(planRequest(plan)).success).toBe(true);
  });

  it('a removal names what users not read yet may lose; a copy, every page it does not give', () => {
    const remove = planBulkChange({ kind: 'remove', pageId: 'cloud' }, [unread], matrix);
    expect(remove.users).toEqual([]);
    expect(remove.unread?.mayLose).toEqual(['cloud']);
    expect(unreadChangeText(remove.unread!.change, PAGES)).toBe('loses access to Acme Cloud, if they have it');
    const copy = planBulkChange({ kind: 'copy', fromUserId: 'ada' }, [unread], matrix);
    expect(copy.unread?.copied).toEqual(decodePermissions(ada.cells!, usesRoles));
    expect(copy.unread?.mayLose).toEqual(['pay']);
    // A copy from someone not read yet has nothing to copy: no plan, and why.
    const none = planBulkChange({ kind: 'copy', fromUserId: 'new' }, [bob], matrix);
    expect([plannedCount(none), none.problem]).toEqual([0, "Nia New's access is not read yet: nothing to copy"]);
  });

  it('a plan of nobody is refused as a request', () => {
    expect(BulkPlanRequest.safeParse({ label: 'x', users: [] }).success).toBe(false);
  });

  it('a role taken away is a change but not a loss of access', () => {
    const plan = planBulkChange({ kind: 'set-role', pageId: 'cloud', role: 'incident_manager', value: false }, [ada], matrix);
    expect(plan.users[0]!.changes).toEqual([{ pageId: 'cloud', kind: 'roles-changed', rolesAdded: [], rolesRemoved: ['incident_manager'] }]);
    expect(plan.lossCount).toBe(0);
  });

  it('planMappings treats absent and false roles alike (no change, nothing sent)', () => {
    const plan = planMappings('x', [
      { user: ada, before: { cloud: { incident_manager: true } }, after: { cloud: { incident_manager: true, page_configuration: false } } },
    ]);
    expect(plan.users).toEqual([]);
    expect(plan.unchanged).toBe(1);
  });
});
