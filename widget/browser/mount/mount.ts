import type { EmbedConfigInput, MountOptions, StatusEmbedHandle } from '../api';
import { OBSERVED_ATTRIBUTES } from './attributes';
import { defineStatusEmbedElement, ELEMENT_NAME } from './element';

/**
 * Writes options as attributes (`statusPage` -> `status-page`, `incident_background_color` ->
 * `incident-background-color`, `zIndex` -> `z-index`): a value sets one, `null` removes it, `undefined` leaves it.
 * Lists as the attributes spell them: components comma-separated, an offset's two numbers space-separated.
 */
function write(element: Element, options: object): void {
  for (const [key, value] of Object.entries(options)) {
    const name = key.replace(/_|(?=[A-Z])/g, '-').toLowerCase();
    if (!OBSERVED_ATTRIBUTES.includes(name)) continue; // `target`, `config`, anything unknown
    if (value === null) element.removeAttribute(name);
    // setAttribute makes a string of a number or a boolean itself
    else if (value !== undefined) element.setAttribute(name, Array.isArray(value) ? value.join(key === 'offset' ? ' ' : ',') : value);
  }
}

/**
 * `StatusEmbed.mount({ statusPage, configUrl?, config?, locale?, ... })`: appends a `<status-embed>` and returns
 * its handle. Called from a script in <head>, before <body> exists, it goes on <html>: the card is fixed-position
 * anyway. The script tag mounts through here too, with its dataset (`data-status-page` -> `statusPage`,
 * `data-incident-background-color` -> `incidentBackgroundColor`), which `write` turns back into attribute names.
 */
export function mount(options: MountOptions): StatusEmbedHandle {
  defineStatusEmbedElement();
  const element = document.createElement(ELEMENT_NAME);
  write(element, { ...options, ...options.config });
  (options.target ?? document.body ?? document.documentElement).append(element);
  return { element, update: (config: EmbedConfigInput) => write(element, config), unmount: () => element.remove() };
}
