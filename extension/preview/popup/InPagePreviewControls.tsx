import { surface } from '../../context/surface';
import type { InPagePreview } from './use-in-page-preview';

/** What the admin is told about the preview on the page, in one line. */
function statusText({ kind, status }: InPagePreview, active: boolean): string | undefined {
  const where = kind === 'manage' ? 'this page' : 'this tab';
  switch (status.state) {
    case 'starting':
      return `Opening the preview on ${where}…`;
    case 'shown':
      return `Previewing on ${where} until you save or close the ${surface() === 'sidepanel' ? 'side panel' : 'popup'} (Esc on the page hides it).`;
    case 'dismissed':
      return 'Preview closed on the page.';
    case 'ended':
      return 'The page was reloaded or left: the preview ended.';
    case 'failed':
      return status.message;
    case 'off':
      return active ? undefined : `Change the corner or a colour to preview the card on ${where}.`;
  }
}

interface Props {
  preview: InPagePreview;
  /** The Embed tab holds a draft. */
  active: boolean;
}

/** The in-page preview's controls: "Preview on this tab", and where the preview stands (it shows the popup's sample). */
export function InPagePreviewControls({ preview, active }: Props) {
  if (preview.kind === 'unavailable') return null;
  const text = statusText(preview, active);
  return (
    <div class="in-page-preview stack">
      {preview.canRequest && (
        <div class="actions">
          <button type="button" onClick={preview.request}>
            Preview on this tab
          </button>
        </div>
      )}
      <p class={preview.status.state === 'failed' ? 'error' : 'hint'} role="status" data-testid="in-page-preview-status">
        {text}
      </p>
    </div>
  );
}
