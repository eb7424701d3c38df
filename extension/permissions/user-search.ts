import { userDisplayName, type User } from '../../shared/schemas';

// Case and accents do not matter: "jose" finds "José".
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

/** How many matches the list shows; typing more words narrows the rest. */
export const SHOWN_MATCHES = 50;

export interface UserSearch {
  /** The first matches, in name order. */
  shown: User[];
  /** How many more match beyond them. */
  more: number;
}

/** The first `limit` matches and how many more there are (the list says so, and that typing narrows them). */
export function searchUsersCounted(users: readonly User[], query: string, limit = SHOWN_MATCHES): UserSearch {
  const all = searchUsers(users, query, Number.POSITIVE_INFINITY);
  return { shown: all.slice(0, limit), more: Math.max(all.length - limit, 0) };
}

/** Users whose name or email contains every word of `query`, in name order; all users for an empty query. */
export function searchUsers(users: readonly User[], query: string, limit = SHOWN_MATCHES): User[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  const matches = users.filter((user) => {
    const haystack = fold(`${userDisplayName(user)} ${user.first_name ?? ''} ${user.last_name ?? ''} ${user.email}`);
    return words.every((word) => haystack.includes(word));
  });
  return matches.sort((a, b) => userDisplayName(a).localeCompare(userDisplayName(b)) || a.email.localeCompare(b.email)).slice(0, limit);
}
