import type { CardStage } from '../card-stage/protocol';
import { setCardLoader } from '../mount/card-loader';
import { defineStatusEmbedElement } from '../mount/element';
import { mount } from '../mount/mount';
import { warn } from '../mount/warn';

/** Registers `<status-embed>` and, loaded by a script tag that has `data-status-page`, mounts it. Never throws. */
export function startWidget(loadCard: () => Promise<CardStage>, script: HTMLScriptElement | null): void {
  try {
    setCardLoader(loadCard);
    // Its data-* attributes, as the element's (an async script can run before <body> exists: then on <html>);
    // mount registers the element too.
    if (script?.dataset.statusPage) mount(script.dataset as never);
    else defineStatusEmbedElement();
  } catch (error) {
    warn('could not start', error);
  }
}
