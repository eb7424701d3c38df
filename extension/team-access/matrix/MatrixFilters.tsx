import { ROLE_LABELS, ROLES, type Role } from '../../../shared/schemas';
import type { MatrixFilter, MatrixSort, SortKey } from './filters';
import type { MatrixPage } from '../team-access-storage';

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
      <div class="field">
        <label htmlFor="filter-search">Search</label>{' '}
        <input
          id="filter-search"
          type="search"
          value={filter.text}
          placeholder="Name or email"
          onInput={(event) => set({ text: event.currentTarget.value })}
        />
      </div>
      <div class="field">
        <label htmlFor="filter-page">Page</label>{' '}
        <select id="filter-page" value={filter.pageId} onChange={(event) => set({ pageId: event.currentTarget.value })}>
          <option value="">Any page</option>
          {pages.map((page) => (
            <option key={page.id} value={page.id}>
              {page.name}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label htmlFor="filter-access">Access</label>{' '}
        <select id="filter-access" value={filter.access} onChange={(event) => set({ access: event.currentTarget.value as MatrixFilter['access'] })}>
          <option value="any">Anyone</option>
          <option value="has">Has access</option>
          <option value="none">{filter.pageId ? 'No access' : 'No access to any page'}</option>
        </select>
      </div>
      <div class="field">
        <label htmlFor="filter-role">Role</label>{' '}
        <select id="filter-role" value={filter.role} onChange={(event) => set({ role: event.currentTarget.value as Role | '' })}>
          <option value="">Any role</option>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {ROLE_LABELS[role]}
            </option>
          ))}
        </select>
      </div>
      <label class="inline">
        <input type="checkbox" checked={filter.newOnly} onChange={(event) => set({ newOnly: event.currentTarget.checked })} />
        New since the last scan
      </label>
      <div class="field">
        <label htmlFor="filter-sort-by">Sort by</label>{' '}
        <select id="filter-sort-by" value={sort.key} onChange={(event) => onSort({ ...sort, key: event.currentTarget.value as SortKey })}>
          <option value="name">Name</option>
          <option value="email">Email</option>
          <option value="pages">Number of pages</option>
        </select>
      </div>
      <label class="inline">
        <input type="checkbox" checked={sort.descending} onChange={(event) => onSort({ ...sort, descending: event.currentTarget.checked })} />
        Descending
      </label>
    </fieldset>
  );
}
