import { ROLE_LABELS, ROLES, type Role } from '../../shared/schemas';
import type { MatrixFilter, MatrixSort, SortKey } from './filters';
import type { MatrixPage } from './team-access-storage';

interface Props {
  pages: MatrixPage[];
  filter: MatrixFilter;
  onFilter(filter: MatrixFilter): void;
  sort: MatrixSort;
  onSort(sort: MatrixSort): void;
}

/** Filter by page, role, access, "new since the last scan" and text; sort by name, email or number of pages. */
export function MatrixFilters({ pages, filter, onFilter, sort, onSort }: Props) {
  const set = (changes: Partial<MatrixFilter>) => onFilter({ ...filter, ...changes });
  return (
    <fieldset class="filters">
      <legend>Filter and sort</legend>
      <label>
        Search
        <input type="search" value={filter.text} placeholder="Name or email" onInput={(event) => set({ text: event.currentTarget.value })} />
      </label>
      <label>
        Page
        <select value={filter.pageId} onChange={(event) => set({ pageId: event.currentTarget.value })}>
          <option value="">Any page</option>
          {pages.map((page) => (
            <option key={page.id} value={page.id}>
              {page.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Access
        <select value={filter.access} onChange={(event) => set({ access: event.currentTarget.value as MatrixFilter['access'] })}>
          <option value="any">Anyone</option>
          <option value="has">Has access</option>
          <option value="none">No access</option>
        </select>
      </label>
      <label>
        Role
        <select value={filter.role} onChange={(event) => set({ role: event.currentTarget.value as Role | '' })}>
          <option value="">Any role</option>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {ROLE_LABELS[role]}
            </option>
          ))}
        </select>
      </label>
      <label class="inline">
        <input type="checkbox" checked={filter.newOnly} onChange={(event) => set({ newOnly: event.currentTarget.checked })} />
        New since the last scan
      </label>
      <label>
        Sort by
        <select value={sort.key} onChange={(event) => onSort({ ...sort, key: event.currentTarget.value as SortKey })}>
          <option value="name">Name</option>
          <option value="email">Email</option>
          <option value="pages">Number of pages</option>
        </select>
      </label>
      <label class="inline">
        <input type="checkbox" checked={sort.descending} onChange={(event) => onSort({ ...sort, descending: event.currentTarget.checked })} />
        Descending
      </label>
    </fieldset>
  );
}
