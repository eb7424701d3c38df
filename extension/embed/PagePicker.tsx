import { useEffect, useRef } from 'preact/hooks';
import type { Page } from '../../shared/index';
import { statusDomain } from '../organization/status-domain';

interface Props {
  pages: Page[];
  pageId: string | undefined;
  onChange(pageId: string): void;
  /** Focus it when it appears (the popup's first field). */
  autoFocus?: boolean;
}

/** The organization's pages by name and status domain. */
export function PagePicker({ pages, pageId, onChange, autoFocus }: Props) {
  const select = useRef<HTMLSelectElement>(null);
  useEffect(() => {
    if (autoFocus) select.current?.focus();
  }, [autoFocus]);
  const sorted = [...pages].sort((a, b) => a.name.localeCompare(b.name));
  return (
    <div class="field">
      <label for="page-picker">Page</label>
      <select id="page-picker" ref={select} value={pageId ?? ''} onChange={(e) => onChange(e.currentTarget.value)}>
        {pageId === undefined && <option value="">Choose a page…</option>}
        {sorted.map((page) => (
          <option key={page.id} value={page.id}>
            {page.name} — {statusDomain(page)}
          </option>
        ))}
      </select>
    </div>
  );
}
