import { userDisplayName, type User } from '../../shared/schemas';

// Case and accents do not matter: "jose" finds "José".
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

/** Users whose name or email contains every word of `query`, in name order; all users for an empty query. */
export function searchUsers(users: readonly User[], query: string, limit = 50): User[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  const matches = users.filter((user) => {
    const haystack = fold(`${userDisplayName(user)} ${user.first_name ?? ''} ${user.last_name ?? ''} ${user.email}`);
    return words.every((word) => haystack.includes(word));
  });
  return matches.sort((a, b) => userDisplayName(a).localeCompare(userDisplayName(b)) || a.email.localeCompare(b.email)).slice(0, limit);
}
