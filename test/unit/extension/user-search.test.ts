import { describe, expect, it } from 'vitest';
import { searchUsers } from '../../../extension/permissions/user-search';

const users = [
  { id: '1', email: 'zed@example.com', first_name: 'José', last_name: 'Álvarez' },
  { id: '2', email: 'ada@example.com', first_name: 'Ada', last_name: 'Lovelace' },
  { id: '3', email: 'nobody@example.org', first_name: null, last_name: null },
];

describe('searchUsers', () => {
  it('finds by name or email, whatever the case or accents, every word', () => {
    expect(searchUsers(users, 'jose').map((u) => u.id)).toEqual(['1']);
    expect(searchUsers(users, 'LOVELACE ada').map((u) => u.id)).toEqual(['2']);
    expect(searchUsers(users, 'example.org').map((u) => u.id)).toEqual(['3']);
    expect(searchUsers(users, 'ada zed')).toEqual([]);
  });
  it('lists everyone in name order for an empty query, up to the limit', () => {
    expect(searchUsers(users, '  ').map((u) => u.id)).toEqual(['2', '1', '3']);
    expect(searchUsers(users, '', 1)).toHaveLength(1);
  });
});
