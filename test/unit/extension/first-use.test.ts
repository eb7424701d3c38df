// The pure parts of what a new user tripped on (issue 23.2): the user search's count beyond what it shows, and the
// Connections list's second line (the organization's id once).
import { describe, expect, it } from 'vitest';
import { whereText } from '../../../extension/connection/connection-where';
import { searchUsersCounted } from '../../../extension/permissions/user-search';

const users = Array.from({ length: 53 }, (_, index) => ({
  id: String(index),
  email: `user${index}@${index % 2 ? 'odd' : 'even'}.example`,
  first_name: `User${String(index).padStart(2, '0')}`,
  last_name: null,
}));

describe('searchUsersCounted', () => {
  it('shows the first matches and counts the rest', () => {
    const all = searchUsersCounted(users, '');
    expect(all.shown).toHaveLength(50);
    expect(all.more).toBe(3);
    expect(searchUsersCounted(users, 'odd')).toMatchObject({ more: 0 });
    expect(searchUsersCounted(users, 'odd').shown).toHaveLength(26);
    expect(searchUsersCounted(users, '', 10)).toMatchObject({ more: 43 });
  });
});

describe('whereText', () => {
  const base = { organizationId: 'sbx0demo0org', apiBaseUrl: 'http://127.0.0.1:4300/v1' };
  it('names the organization only when the name does not', () => {
    expect(whereText({ ...base, label: 'Organization sbx0demo0org' })).toBe('127.0.0.1:4300');
    expect(whereText({ ...base, label: 'Acme production' })).toBe('Organization sbx0demo0org · 127.0.0.1:4300');
  });
});
