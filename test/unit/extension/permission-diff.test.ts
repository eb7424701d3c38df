import { describe, expect, it } from 'vitest';
import { completeMapping, diffPermissions, pagesLosingAccess, rebaseDraft, samePermissions } from '../../../extension/access/permission-diff';
import { learnRoleBasedAccess } from '../../../extension/access/role-based-access';

const all = { page_configuration: true, incident_manager: true, maintenance_manager: true };
const none = { page_configuration: false, incident_manager: false, maintenance_manager: false };

describe('diffPermissions', () => {
  it('names granted, removed and changed pages, and nothing else', () => {
    const before = { a: all, b: none, c: {} };
    const after = { b: { ...none, incident_manager: true }, c: {}, d: {} };
    expect(diffPermissions(before, after)).toEqual([
      { pageId: 'a', kind: 'access-removed', rolesAdded: [], rolesRemoved: ['page_configuration', 'incident_manager', 'maintenance_manager'] },
      { pageId: 'b', kind: 'roles-changed', rolesAdded: ['incident_manager'], rolesRemoved: [] },
      { pageId: 'd', kind: 'access-granted', rolesAdded: [], rolesRemoved: [] },
    ]);
  });

  it('treats a missing role and a false role alike', () => {
    expect(samePermissions({ a: {} }, { a: none })).toBe(true);
    expect(samePermissions({ a: {} }, {})).toBe(false);
    expect(samePermissions({ a: { incident_manager: true } }, { a: { ...none, incident_manager: true } })).toBe(true);
  });

  it('lists the pages a save would remove access from', () => {
    expect(pagesLosingAccess({ a: {}, b: all, c: none }, { b: none })).toEqual(['a', 'c']);
    expect(pagesLosingAccess({ a: {} }, { a: {}, b: {} })).toEqual([]);
  });
});

describe('rebaseDraft', () => {
  it("applies the admin's own changes on top of someone else's", () => {
    const base = { a: none, b: none, c: {} };
    const draft = { a: { ...none, incident_manager: true }, b: none }; // gave a role on a, removed c
    const current = { a: { ...none, page_configuration: true }, b: all, c: {}, e: {} }; // someone else's edits
    expect(rebaseDraft(base, draft, current)).toEqual({
      a: { ...none, page_configuration: true, incident_manager: true },
      b: all,
      e: {},
    });
  });
});

describe('completeMapping', () => {
  it('spells out every role on RBAC pages and sends {} for pages without RBAC', () => {
    const rbac = learnRoleBasedAccess({}, { a: none, b: {} });
    expect(rbac).toEqual({ a: true, b: false });
    const mapping = completeMapping(
      { a: { incident_manager: true }, b: { incident_manager: true }, c: { page_configuration: true } },
      (id) => rbac[id],
    );
    expect(mapping).toEqual({
      a: { page_configuration: false, incident_manager: true, maintenance_manager: false },
      b: {},
      c: { page_configuration: true },
    });
  });
});

describe('ids from the network are data, never keys that reach a prototype', () => {
  it('learns role based access without touching Object.prototype, and leaves __proto__ out', () => {
    const pages = JSON.parse('{"__proto__": {"incident_manager": true}, "p1": {"incident_manager": true}}');
    const learned = learnRoleBasedAccess({}, pages);
    expect(learned.p1).toBe(true);
    expect(Object.keys(learned)).toEqual(['p1']);
    expect(({} as Record<string, unknown>).incident_manager).toBeUndefined();
    expect(Object.getPrototypeOf(learned)).toBeNull();
  });

  it('builds the PUT body without a prototype', () => {
    const body = completeMapping({ p1: { incident_manager: true } }, () => true);
    expect(Object.getPrototypeOf(body)).toBeNull();
    expect(body).toEqual({ p1: { page_configuration: false, incident_manager: true, maintenance_manager: false } });
  });
});
