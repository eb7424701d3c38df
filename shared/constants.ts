// Facts several layers need without zod: the schemas (shared/schemas), the extension, and the widget's loader,
// which runs on every page view of a customer's site and must not carry zod. Data only: no imports, no effects.

/** The four corners the embed can sit in, in our canonical spelling. */
export const CORNERS = ['bottom-left', 'bottom-right', 'top-left', 'top-right'] as const;
export type Corner = (typeof CORNERS)[number];

/**
 * The wire spelling is undocumented: copies of the official embed show `bottom-left`, a Terraform provider's
 * tests use `bottom_left`. Both are accepted on the way in and on the way out.
 */
export const CORNER_SPELLINGS = /* @__PURE__ */ bothSpellings(CORNERS);
export type CornerSpelling = (typeof CORNER_SPELLINGS)[number];

type Underscored<S> = S extends `${infer A}-${infer B}` ? `${A}_${B}` : never;
function bothSpellings<C extends string>(corners: readonly C[]): readonly (C | Underscored<C>)[] {
  return [...corners, ...corners.map((corner) => corner.replace('-', '_') as Underscored<C>)];
}

/** The four colour fields of a page's status embed, in the order the UI shows them. */
export const COLOUR_FIELDS = ['incident_background_color', 'incident_text_color', 'maintenance_background_color', 'maintenance_text_color'] as const;
export type ColourField = (typeof COLOUR_FIELDS)[number];

/** The five fields of a page's status embed, the one list every other spelling of them is derived from. */
export const EMBED_CONFIG_FIELDS = ['position', ...COLOUR_FIELDS] as const;
export type EmbedConfigField = (typeof EMBED_CONFIG_FIELDS)[number];

/** The three roles of Role Based Access Control. */
export const ROLES = ['page_configuration', 'incident_manager', 'maintenance_manager'] as const;
export type Role = (typeof ROLES)[number];

/** Incident statuses that mean "still going on". */
export const ACTIVE_INCIDENT_STATUSES = ['investigating', 'identified', 'monitoring'] as const;
/** Maintenance statuses that mean "under way now" (`scheduled` has not started). */
export const ACTIVE_MAINTENANCE_STATUSES = ['in_progress', 'verifying'] as const;

/** How many dismissals a visitor's browser keeps; the oldest go first. */
export const MAX_REMEMBERED_DISMISSALS = 20;
