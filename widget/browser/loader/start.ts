import type { CardStage } from '../card-stage/protocol';
import { setCardLoader } from '../mount/card-loader';
import { defineStatusEmbedElement } from '../mount/element';
import { mountFromScriptTag } from '../mount/mount';
import { warn } from '../mount/warn';

/** Registers `<status-embed>` and, loaded by a script tag that has `data-status-page`, mounts it. Never throws. */
export function startWidget(loadCard: () => Promise<CardStage>, script: HTMLScriptElement | null): void {
  try {
    setCardLoader(loadCard);
    defineStatusEmbedElement();
    if (script?.hasAttribute('data-status-page')) {
      // An async script can run before <body> exists.
      if (document.body) mountFromScriptTag(script);
      else document.addEventListener('DOMContentLoaded', () => mountFromScriptTag(script)); // it fires once
    }
  } catch (error) {
    warn('could not start', error);
  }
}
