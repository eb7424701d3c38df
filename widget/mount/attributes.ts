// The attribute names of `<status-embed>` (the script tag has each as `data-<name>`), stated once.
/** `incident_background_color` -> the attribute `incident-background-color` (`data-incident-background-color` on the script tag). */
export const configAttribute = (field: string): string => field.replace(/_/g, '-');

/**
 * The five config fields as attributes. Spelled out rather than mapped from EMBED_CONFIG_FIELDS: that module
 * builds zod schemas on load, which the loader must not carry (test/unit/widget/attributes.test.ts checks they agree).
 */
export const CONFIG_ATTRIBUTES = [
  'position',
  'incident-background-color',
  'incident-text-color',
  'maintenance-background-color',
  'maintenance-text-color',
] as const;

/** Changing one of these starts the embed over (new sources to read); any other attribute only redraws. */
export const RESTART_ATTRIBUTES = ['status-page', 'config-url'] as const;

/** The options sites ask for (docs/widget.md): the card's language, which components count, where, how high. */
export const OPTION_ATTRIBUTES = ['locale', 'components', 'offset', 'z-index'] as const;

export const OBSERVED_ATTRIBUTES: readonly string[] = [...RESTART_ATTRIBUTES, ...CONFIG_ATTRIBUTES, ...OPTION_ATTRIBUTES];
