import type { InPagePreview } from './use-in-page-preview';

/** What the admin is told about the preview on the page, in one line. */
function statusText({ kind, status }: InPagePreview): string | undefined {
  switch (status.state) {
    case 'starting':
      return 'Opening the preview on this tab…';
    case 'shown':
      return kind === 'manage'
        ? 'Previewing on this page until you save or close the popup (Esc on the page hides it).'
        : 'Previewing on this tab until you save or close the popup (Esc on the page hides it).';
    case 'dismissed':
      return 'Preview closed on the page.';
    case 'ended':
      return 'The page was reloaded or left: the preview ended.';
    case 'failed':
      return status.message;
    case 'off':
      return undefined;
  }
}

/** "Preview on this tab" and where the in-page preview stands. */
export function InPagePreviewControls({ preview }: { preview: InPagePreview }) {
  if (preview.kind === 'unavailable') return null;
  const text = statusText(preview);
  return (
    <div class="in-page-preview">
      {preview.canRequest && (
        <button type="button" onClick={preview.request}>
          Preview on this tab
        </button>
      )}
      <p class={preview.status.state === 'failed' ? 'error' : 'hint'} role="status" data-testid="in-page-preview-status">
        {text}
      </p>
    </div>
  );
}
