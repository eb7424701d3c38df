import { describe, expect, it } from 'vitest';
import { applyChange, planBulkChange, planMappings } from '../../../extension/team-access/bulk/bulk-plan';
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

  it('leaves out users not scanned yet', () => {
    const plan = planBulkChange({ kind: 'grant', pageIds: ['pay'], roles: [] }, [bob, unread], matrix);
    expect(plan.notRead).toEqual(['new']);
    expect(plan.users.map((u) => u.userId)).toEqual(['bob']);
    expect(plan.lossCount).toBe(0);
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
