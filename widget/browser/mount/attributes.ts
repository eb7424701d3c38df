// The attribute names of `<status-embed>` (the script tag has each as `data-<name>`), stated once.
/** `incident_background_color` -> the attribute `incident-background-color` (`data-incident-background-color` on the script tag). */
export const configAttribute = (field: string): string => field.replace(/_/g, '-');

/**
 * Every attribute: the two that start the embed over, the five config fields, then the options sites ask for
 * (docs/widget.md). One string, split: the loader's smallest spelling. Spelled out rather than mapped from
 * EMBED_CONFIG_FIELDS: that module builds zod schemas on load, which the loader must not carry
 * (test/unit/widget/attributes.test.ts checks they agree).
 */
export const OBSERVED_ATTRIBUTES: readonly string[] =
  'status-page config-url position incident-background-color incident-text-color maintenance-background-color maintenance-text-color locale components offset z-index'.split(
    ' ',
  );

/** Changing one of these starts the embed over (new sources to read); any other attribute only redraws. */
export const RESTART_ATTRIBUTES = /* @__PURE__ */ OBSERVED_ATTRIBUTES.slice(0, 2);

/** The five config fields as attributes. */
export const CONFIG_ATTRIBUTES = /* @__PURE__ */ OBSERVED_ATTRIBUTES.slice(2, 7);

/** The options sites ask for: the card's language, which components count, where, how high. */
export const OPTION_ATTRIBUTES = /* @__PURE__ */ OBSERVED_ATTRIBUTES.slice(7);
