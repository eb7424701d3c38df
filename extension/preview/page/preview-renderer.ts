import { Fragment, h, render } from 'preact';
import type { EmbedView } from '../../../shared/embed';
import { adoptCardStyles, CARD_CSS } from '../../../widget/browser/card';
import { HOST_CSS, hostStyleSheet } from './host-styles';
import { StatusCardFrame } from './StatusCardFrame';

/** The element the preview adds to the page (a child of `<html>`, out of the way of frameworks that own `<body>`). */
export const PREVIEW_HOST_TAG = 'statuspage-toolkit-preview';

export interface PreviewRenderer {
  /** Draws (or redraws in place) the card for `view`; null removes it. */
  show(view: EmbedView | null): void;
  /** Removes the card and the host element. */
  hide(): void;
  readonly shown: boolean;
}

/**
 * Styles go in as constructable stylesheets. Firefox refuses sheets built by a content script (they belong to
 * another compartment): there, and only there, the same CSS goes in as `<style>` elements inside the root.
 */
function adoptStyles(root: ShadowRoot): void {
  try {
    root.adoptedStyleSheets = [hostStyleSheet()];
    adoptCardStyles(root);
  } catch {
    for (const css of [HOST_CSS, CARD_CSS]) {
      const style = document.createElement('style');
      style.textContent = css;
      root.append(style);
    }
  }
}

/**
 * The widget's own card, `layout: 'fixed'`, in an open shadow root on a host that resets every page rule. Open,
 * not closed: the page's CSS cannot cross either kind, and our script runs in an isolated world the page's
 * scripts cannot reach; a closed root would only hide a sample card from the page (it holds nothing secret) and
 * from tests and DevTools. The sample's links are not followed: they point at an incident that does not exist.
 */
export function createPreviewRenderer({ onDismiss }: { onDismiss(): void }): PreviewRenderer {
  let host: HTMLElement | undefined;
  let root: ShadowRoot | undefined;

  function mount(): ShadowRoot {
    if (host && root) {
      if (!host.isConnected) document.documentElement.append(host); // the page took it out: put it back
      return root;
    }
    host = document.createElement(PREVIEW_HOST_TAG);
    root = host.attachShadow({ mode: 'open' });
    adoptStyles(root);
    root.addEventListener('click', (event) => {
      if (event.composedPath().some((target) => (target as Element).localName === 'a')) event.preventDefault();
    });
    document.documentElement.append(host);
    return root;
  }

  return {
    show(view) {
      if (!view) return this.hide();
      const [vertical, side] = view.corner.split('-');
      render(
        h(
          Fragment,
          null,
          h(StatusCardFrame, { view, layout: 'fixed', onDismiss }),
          h('p', { class: `tag ${vertical} ${side}` }, 'Preview · Esc to close'),
        ),
        mount(),
      );
    },
    hide() {
      if (root) render(null, root);
      host?.remove();
      host = root = undefined;
    },
    get shown() {
      return host?.isConnected ?? false;
    },
  };
}
