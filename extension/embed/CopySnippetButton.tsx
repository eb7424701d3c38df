import { useState } from 'preact/hooks';
import type { Page } from '../../shared/index';
import { embedSnippet } from './snippet';

/** Copies the page's embed script tag; says so, or says why it cannot. */
export function CopySnippetButton({ page }: { page: Page }) {
  const snippet = embedSnippet(page);
  const [status, setStatus] = useState<string>();

  async function copy(): Promise<void> {
    if (!snippet) return;
    try {
      await navigator.clipboard.writeText(snippet);
      setStatus("Copied Statuspage's embed tag.");
    } catch {
      setStatus('The browser refused the clipboard: select and copy the snippet below.');
    }
  }

  return (
    <>
      <button type="button" onClick={() => void copy()} disabled={!snippet} title={snippet ? undefined : 'This page has no status domain'}>
        Copy Statuspage's embed tag
      </button>
      <span class="hint" role="status">
        {status}
      </span>
      {status?.startsWith('The browser refused') && snippet && (
        <input type="text" readOnly value={snippet} aria-label="Embed snippet" onFocus={(e) => e.currentTarget.select()} />
      )}
    </>
  );
}
