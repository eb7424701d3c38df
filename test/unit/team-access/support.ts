import type { MatrixPage, MatrixUser, TeamMatrix } from '../../../extension/team-access/team-access-storage';

export const PAGES: MatrixPage[] = [
  { id: 'cloud', name: 'Acme Cloud', usesRoles: true },
  { id: 'labs', name: 'Acme Labs', usesRoles: false },
  { id: 'pay', name: 'Acme Payments', usesRoles: true },
];

export function user(id: string, name: string, cells: MatrixUser['cells'], extra: Partial<MatrixUser> = {}): MatrixUser {
  return { id, name, email: `${name.toLowerCase().replace(' ', '.')}@acme.example`, firstSeenAt: 0, readAt: cells ? 1 : undefined, cells, ...extra };
}

export function matrixOf(users: MatrixUser[], pages = PAGES): TeamMatrix {
  return { users: Object.fromEntries(users.map((u) => [u.id, u])), pages };
}

/** An in-memory value, as a storage item is to the runners; `sizes`: each write's size as stored (JSON). */
export function memory<T>(value: T) {
  const store = {
    value,
    writes: 0,
    sizes: [] as number[],
    getValue: async () => structuredClone(store.value),
    setValue: async (next: T) => {
      store.writes++;
      store.sizes.push(JSON.stringify(next).length);
      store.value = structuredClone(next);
    },
  };
  return store;
}
