import { EMBED_CONFIG_FIELDS } from '../../shared/schemas/embed-config';
import type { EmbedConfigInput, MountOptions, StatusEmbedHandle } from '../api';
import { configAttribute, defineStatusEmbedElement, ELEMENT_NAME, StatusEmbedElement } from './element';

/** Writes config fields as attributes: a string sets one, `null` removes it, `undefined` leaves it. */
function writeConfig(element: Element, config: EmbedConfigInput = {}): void {
  for (const field of EMBED_CONFIG_FIELDS) {
    const value = config[field];
    if (value === null) element.removeAttribute(configAttribute(field));
    else if (value !== undefined) element.setAttribute(configAttribute(field), value);
  }
}

function createEmbed(): HTMLElement {
  defineStatusEmbedElement();
  return document.createElement(ELEMENT_NAME);
}

/**
 * `StatusEmbed.mount({ statusPage, configUrl?, config? })`: appends a `<status-embed>` and returns its handle.
 * Called from a script in <head>, before <body> exists, it goes on <html>: the card is fixed-position anyway.
 */
export function mount({ statusPage, configUrl, config, target = document.body ?? document.documentElement }: MountOptions): StatusEmbedHandle {
  const element = createEmbed();
  element.setAttribute('status-page', statusPage);
  if (configUrl) element.setAttribute('config-url', configUrl);
  writeConfig(element, config);
  target.append(element);
  return { element, update: (next) => writeConfig(element, next), unmount: () => element.remove() };
}

/**
 * The script-tag form: a `<status-embed>` carrying the tag's `data-*` attributes under the element's names
 * (`data-status-page` -> `status-page`, `data-incident-background-color` -> `incident-background-color`).
 */
export function mountFromScriptTag(script: Element): void {
  const element = createEmbed();
  for (const name of StatusEmbedElement.observedAttributes) {
    const value = script.getAttribute(`data-${name}`);
    if (value !== null) element.setAttribute(name, value);
  }
  document.body.append(element);
}
