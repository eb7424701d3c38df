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
