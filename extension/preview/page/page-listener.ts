import { browser, type Browser } from 'wxt/browser';
import { senderKind } from '../../messaging/sender';
import { onEscapeKey } from './escape-key';
import { createPreviewRenderer } from './preview-renderer';
import { previewView } from './preview-view';
import { PREVIEW_PORT, readShowPreview, type FromPage } from '../protocol';

type Port = Browser.runtime.Port;

/** Only one of our extension's own pages (the popup) may draw here; never a content script, never a web page. */
export function isPreviewSender(sender: Browser.runtime.MessageSender | undefined): boolean {
  if (!sender) return false;
  const origin = browser.runtime.getURL('/');
  if (sender.origin !== undefined && `${sender.origin}/` !== origin) return false;
  return senderKind(sender, browser.runtime.id, origin) === 'extension-page';
}

const STARTED = Symbol.for('statuspage-toolkit.preview-listener');
type Started = { [STARTED]?: { stop(): void; alive(): boolean } };

/**
 * The page's side of the preview (the manage.statuspage.io content script and the script "Preview on this tab"
 * injects): takes a port from the popup, draws what it sends, and removes the preview when the port closes (the
 * popup closed, or it ended the preview after a save), on Escape, or on the card's ×. It holds no key and calls
 * no API: all it ever gets is the five public fields and the sample's kind. Started twice in a page (both
 * scripts), the first stays in charge. Returns the function that stops it.
 */
export function startPreviewListener(): () => void {
  const scope = globalThis as Started;
  const running = scope[STARTED];
  if (running?.alive()) return () => {};
  running?.stop(); // left behind by a reloaded extension: its ports are gone, its card may not be

  let owner: Port | undefined;
  let sampleTime = new Date();
  let stopEscape: (() => void) | undefined;
  const renderer = createPreviewRenderer({ onDismiss: () => dismiss('card') });

  function remove(): void {
    stopEscape?.();
    stopEscape = undefined;
    renderer.hide();
  }

  function send(port: Port, message: FromPage): void {
    try {
      port.postMessage(message);
    } catch {
      // The popup is gone: nothing to tell.
    }
  }

  function dismiss(by: 'escape' | 'card'): void {
    if (!renderer.shown) return;
    remove();
    const port = owner;
    owner = undefined;
    if (port) {
      send(port, { type: 'dismissed', by });
      port.disconnect();
    }
  }

  function onConnect(port: Port): void {
    if (port.name !== PREVIEW_PORT) return;
    if (!isPreviewSender(port.sender)) {
      port.disconnect();
      return;
    }
    const previous = owner;
    owner = port;
    if (previous) previous.disconnect(); // a newer popup takes over
    sampleTime = new Date(); // fixed for the session: the card keeps its identity (no fade-in) while colours change

    port.onMessage.addListener((raw) => {
      const message = readShowPreview(raw);
      if (!message || owner !== port) return;
      renderer.show(previewView(message, sampleTime));
      stopEscape ??= onEscapeKey(window, () => dismiss('escape'));
    });
    port.onDisconnect.addListener(() => {
      if (owner !== port) return;
      owner = undefined;
      remove();
    });
    send(port, { type: 'ready' });
  }

  browser.runtime.onConnect.addListener(onConnect);
  const stop = () => {
    remove();
    delete scope[STARTED];
    try {
      owner?.disconnect();
      browser.runtime.onConnect.removeListener(onConnect);
    } catch {
      // Called because the extension's context is gone: so are the port and the listener.
    }
    owner = undefined;
  };
  scope[STARTED] = { stop, alive: () => browser.runtime?.id !== undefined };
  return stop;
}
