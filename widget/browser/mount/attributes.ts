// The attribute names of `<status-embed>` (the script tag has each as `data-<name>`), stated once.
import { EMBED_CONFIG_FIELDS } from '../../../shared/constants';

/** `incident_background_color` -> the attribute `incident-background-color` (`data-incident-background-color` on the script tag). */
export const configAttribute = (field: string): string => field.replace(/_/g, '-');

/** Changing one of these starts the embed over (new sources to read); any other attribute only redraws. */
export const RESTART_ATTRIBUTES: readonly string[] = ['status-page', 'config-url'];

/** The five config fields as attributes, named after the shared field list. */
export const CONFIG_ATTRIBUTES: readonly string[] = /* @__PURE__ */ EMBED_CONFIG_FIELDS.map(configAttribute);

/** The options sites ask for: the card's language, which components count, where, how high. */
export const OPTION_ATTRIBUTES: readonly string[] = ['locale', 'components', 'offset', 'z-index'];

/** Every attribute (docs/widget.md): the two that start the embed over first. */
export const OBSERVED_ATTRIBUTES: readonly string[] = [...RESTART_ATTRIBUTES, ...CONFIG_ATTRIBUTES, ...OPTION_ATTRIBUTES];
