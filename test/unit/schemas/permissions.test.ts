import { describe, expect, it } from 'vitest';
import { describeIssue, normalizeUserPermissions, PagePermissions, UserPermissionsResponse } from '../../../shared/schemas';

const roles = { page_configuration: false, incident_manager: true, maintenance_manager: true };
const expected = { userId: 'u1', pages: { p1: roles, p2: {} } };

function normalize(body: unknown) {
  return normalizeUserPermissions(UserPermissionsResponse.parse(body), 'fallback');
}

describe('user permissions: every shape the API has been seen to send', () => {
  it('reads pages as a list, with or without the data wrapper', () => {
    const pages = [{ page_id: 'p1', ...roles }, { page_id: 'p2' }];
    expect(normalize({ user_id: 'u1', pages })).toEqual(expected);
    expect(normalize({ data: { user_id: 'u1', pages } })).toEqual(expected);
  });

  it('reads pages as a map, with or without the data wrapper', () => {
    const pages = { p1: roles, p2: {} };
    expect(normalize({ user_id: 'u1', pages })).toEqual(expected);
    expect(normalize({ data: { user_id: 'u1', pages } })).toEqual(expected);
  });

  it('drops nulls and keeps the asked-for user id when the body has none', () => {
    expect(normalize({ pages: { p1: { incident_manager: null, page_configuration: true } } })).toEqual({
      userId: 'fallback',
      pages: { p1: { page_configuration: true } },
    });
  });

  it('rejects a body with no pages or with roles that are not booleans', () => {
    expect(UserPermissionsResponse.safeParse({ user_id: 'u1' }).success).toBe(false);
    expect(UserPermissionsResponse.safeParse({ pages: [{ incident_manager: true }] }).success).toBe(false);
    expect(UserPermissionsResponse.safeParse({ pages: { p1: { incident_manager: 'yes' } } }).success).toBe(false);
  });
});

describe('PagePermissions (what a PUT sends)', () => {
  it('takes roles, and {} for a page without RBAC', () => {
    expect(PagePermissions.safeParse({ p1: roles, p2: {} }).success).toBe(true);
  });

  it('refuses unknown roles, non-booleans and empty page ids, naming the field', () => {
    const issues = (value: unknown) => {
      const result = PagePermissions.safeParse(value);
      return result.success ? [] : result.error.issues.map(describeIssue);
    };
    expect(issues({ p1: { admin: true } })).toEqual(['p1: unknown field admin']);
    expect(issues({ p1: { incident_manager: 1 } })).toEqual(['p1.incident_manager: expected boolean']);
    expect(issues({ '': {} })).toEqual(['(root): a page id must not be empty']);
    expect(issues([])).toEqual(['(root): expected record']);
  });
});

describe('page ids that are object machinery (__proto__, constructor, prototype)', () => {
  const granted = { page_configuration: true, incident_manager: true, maintenance_manager: true };
  const bodies: Array<[string, string]> = [
    [
      'a list',
      JSON.stringify({ user_id: 'u1', pages: [{ page_id: '__proto__', ...granted }, { page_id: 'constructor', ...granted }, { page_id: 'p1' }] }),
    ],
    // Written as text: a JS literal `{__proto__: ...}` would set the prototype instead of making a key.
    ['a map', `{"user_id":"u1","pages":{"__proto__":${JSON.stringify(granted)},"constructor":${JSON.stringify(granted)},"prototype":{},"p1":{}}}`],
    ['a data-wrapped map', `{"data":{"pages":{"__proto__":{"incident_manager":true},"p1":{}}}}`],
  ];
  for (const [shape, text] of bodies) {
    it(`as ${shape}: leave the prototype alone and claim no roles that were not given`, () => {
      const { pages } = normalize(JSON.parse(text));
      expect(Object.getPrototypeOf(pages)).toBeNull();
      expect(Object.keys(pages)).toEqual(['p1']);
      expect(pages.p1).toEqual({});
      expect((pages as Record<string, unknown>).incident_manager).toBeUndefined();
      expect(Object.hasOwn(pages, '__proto__')).toBe(false);
      expect(Object.hasOwn(pages, 'constructor')).toBe(false);
      expect(({} as Record<string, unknown>).incident_manager).toBeUndefined(); // Object.prototype untouched
    });
  }

  it('the result still behaves as plain data', () => {
    const { pages } = normalize({ user_id: 'u1', pages: [{ page_id: 'p1', incident_manager: true }, { page_id: 'p2' }] });
    const plain = { p1: { incident_manager: true }, p2: {} };
    expect(pages).toEqual(plain);
    expect(Object.keys(pages)).toEqual(['p1', 'p2']);
    expect(Object.hasOwn(pages, 'p1')).toBe(true);
    expect({ ...pages }).toEqual(plain);
    expect(Object.getPrototypeOf({ ...pages })).toBe(Object.prototype);
    expect(structuredClone(pages)).toEqual(plain);
    expect(JSON.parse(JSON.stringify(pages))).toEqual(plain);
    expect(PagePermissions.safeParse(pages).success).toBe(true); // what was read can be sent back
  });

  it('are refused in what is sent, naming the page id', () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const result = PagePermissions.safeParse(JSON.parse(`{"${key}":{},"p1":{}}`));
      expect(result.success, key).toBe(false);
      expect(result.error?.issues.map(describeIssue)).toEqual([`${key}: "${key}" cannot be a page id`]);
    }
  });
});
