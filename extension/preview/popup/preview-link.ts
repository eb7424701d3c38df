import { browser, type Browser } from 'wxt/browser';
import { PREVIEW_PORT, readFromPage, type FromPage, type ShowPreview } from '../protocol';

/** The popup's end of one preview on one tab. Closing it (or the popup) removes the preview from the page. */
export interface PreviewLink {
  show(message: ShowPreview): void;
  close(): void;
}

export interface PreviewLinkEvents {
  /** The admin closed the preview on the page. */
  onDismissed(by: Extract<FromPage, { type: 'dismissed' }>['by']): void;
  /** The page ended it otherwise: it navigated away or reloaded, or another popup took over. */
  onEnded(): void;
}

/** Nothing listens in that tab (no content script there, or not yet injected). */
export class NoPreviewListenerError extends Error {
  override name = 'NoPreviewListenerError';
}

/**
 * Connects to the preview listener in `tabId`'s top frame and sends `first` at once (it is queued until the page
 * takes the port, so the card appears without waiting for the handshake). Resolves when the page answers
 * `ready`; rejects with NoPreviewListenerError when nothing there takes the port.
 */
export function openPreviewLink(tabId: number, first: ShowPreview, events: PreviewLinkEvents): Promise<PreviewLink> {
  return new Promise((resolve, reject) => {
    let port: Browser.runtime.Port;
    try {
      port = browser.tabs.connect(tabId, { name: PREVIEW_PORT, frameId: 0 });
    } catch (error) {
      return reject(new NoPreviewListenerError(error instanceof Error ? error.message : String(error)));
    }
    let ready = false;
    let closed = false;
    const post = (message: unknown) => {
      if (closed) return;
      try {
        port.postMessage(message);
      } catch {
        closed = true; // disconnected in between: onDisconnect reports it
      }
    };
    const link: PreviewLink = {
      show: (message) => post(message),
      close: () => {
        if (closed) return;
        closed = true;
        port.disconnect();
      },
    };

    port.onMessage.addListener((raw) => {
      const message = readFromPage(raw);
      if (!message) return;
      if (message.type === 'ready' && !ready) {
        ready = true;
        resolve(link);
      } else if (message.type === 'dismissed') {
        closed = true;
        events.onDismissed(message.by);
      }
    });
    port.onDisconnect.addListener(() => {
      const reason = browser.runtime.lastError?.message; // read it, or Chrome logs it as unchecked
      const byUs = closed;
      closed = true;
      if (!ready) reject(new NoPreviewListenerError(reason ?? 'The tab did not answer'));
      else if (!byUs) events.onEnded();
    });
    post(first);
  });
}
