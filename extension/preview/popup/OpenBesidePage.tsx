import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { PopupTabInfo } from '../../context/popup-tab';
import { surface } from '../../context/surface';
import { hasSidePanel, openSidePanel } from '../../context/side-panel';

/**
 * "Open beside the page": the same editor in the side panel, which stays open while the admin uses the page and
 * moves the preview with them. The popup closes once the panel is open (it would close at the next click anyway).
 */
export function OpenBesidePage({ tab }: { tab: PopupTabInfo | undefined }) {
  const [problem, setProblem] = useState<string>();
  if (surface() === 'sidepanel' || !hasSidePanel()) return null;
  function open(): void {
    setProblem(undefined);
    openSidePanel(tab?.windowId).then(
      // A real popup has no tab of its own; the tests open the popup as a tab, which stays.
      () => void browser.tabs.getCurrent().then((own) => own === undefined && window.close()),
      (error: unknown) => setProblem(`The side panel did not open: ${error instanceof Error ? error.message : String(error)}`),
    );
  }
  return (
    <div class="stack">
      <div class="actions">
        <button type="button" onClick={open}>
          Open beside the page
        </button>
      </div>
      {problem && (
        <p class="error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
