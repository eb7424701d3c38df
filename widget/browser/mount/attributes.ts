// The attribute names of `<status-embed>` (the script tag has each as `data-<name>`), stated once.
import { EMBED_CONFIG_FIELDS } from '../../../shared/constants';

/** `incident_background_color` -> the attribute `incident-background-color` (`data-incident-background-color` on the script tag). */
export const configAttribute = (field: string): string => field.replace(/_/g, '-');

/**
 * Every attribute (docs/widget.md): the two that start the embed over (new sources to read), the five config
 * fields named after the shared field list, then the options sites ask for (the card's language, which
 * components count, where, how high). One string, split: the loader's smallest spelling.
 */
export const OBSERVED_ATTRIBUTES: readonly string[] = configAttribute(
  `status-page config-url ${EMBED_CONFIG_FIELDS.join(' ')} locale components offset z-index`,
).split(' ');

/** Changing one of these starts the embed over; any other attribute only redraws. */
export const RESTART_ATTRIBUTES = /* @__PURE__ */ OBSERVED_ATTRIBUTES.slice(0, 2);

/** The five config fields as attributes. */
export const CONFIG_ATTRIBUTES = /* @__PURE__ */ OBSERVED_ATTRIBUTES.slice(2, 7);

/** The options sites ask for. */
export const OPTION_ATTRIBUTES = /* @__PURE__ */ OBSERVED_ATTRIBUTES.slice(7);
