import { describe, expect, it } from 'vitest';
import { matchesFilter, NO_ACCESS_ANYWHERE, unusedSeats } from '../../../extension/team-access/matrix/filters';
import { user } from '../team-access/support';

describe('seats held without use', () => {
  const users = [
    user('u1', 'Has Access', { cloud: 'i' }),
    user('u2', 'No Access', {}),
    user('u3', 'Also None', {}),
    user('u4', 'Not Read', undefined),
  ];

  it('counts read users with no access to any page, and says how many are not read yet', () => {
    expect(unusedSeats(users)).toEqual({ noAccess: 2, notRead: 1 });
    expect(unusedSeats([])).toEqual({ noAccess: 0, notRead: 0 });
  });

  it('the "no access to any page" filter shows exactly them: not someone with a page, not someone unread', () => {
    expect(users.filter((candidate) => matchesFilter(candidate, NO_ACCESS_ANYWHERE, null)).map((candidate) => candidate.id)).toEqual(['u2', 'u3']);
  });
});
