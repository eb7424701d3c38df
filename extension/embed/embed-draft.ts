import {
  EMBED_CONFIG_FIELDS,
  normalizeHexColour,
  parseCorner,
  spellCornerLike,
  type Corner,
  type StatusEmbedConfig,
  type StatusEmbedConfigChanges,
} from '../../shared/schemas';
import { DEFAULT_EMBED_CONFIG } from '../../shared/embed';

export const COLOUR_FIELDS = ['incident_background_color', 'incident_text_color', 'maintenance_background_color', 'maintenance_text_color'] as const;
export type ColourField = (typeof COLOUR_FIELDS)[number];

/** What the editor holds: the corner and the four colours exactly as typed (a hex field may be half typed). */
export interface EmbedValues {
  position: Corner;
  incident_background_color: string;
  incident_text_color: string;
  maintenance_background_color: string;
  maintenance_text_color: string;
}

/** A page's unsaved edit: the config it started from and the values typed since. */
export interface EmbedDraft {
  pageId: string;
  base: StatusEmbedConfig;
  values: EmbedValues;
  updatedAt: number;
}

/** Shown when the server has no usable value for a field: the card's own defaults, so the preview matches. */
export const FALLBACK_EMBED_VALUES: EmbedValues = { ...DEFAULT_EMBED_CONFIG };

export function valuesFromConfig(config: StatusEmbedConfig): EmbedValues {
  const values: EmbedValues = { ...FALLBACK_EMBED_VALUES, position: parseCorner(config.position) ?? FALLBACK_EMBED_VALUES.position };
  for (const field of COLOUR_FIELDS) values[field] = normalizeHexColour(config[field]) ?? FALLBACK_EMBED_VALUES[field];
  return values;
}

/** The fields whose typed value is not a colour: Save stays off until they are fixed. */
export function invalidColourFields(values: EmbedValues): ColourField[] {
  return COLOUR_FIELDS.filter((field) => normalizeHexColour(values[field]) === undefined);
}

/**
 * Only what changed against `base`, ready for a PATCH: colours as `#rrggbb`, the corner in the spelling the
 * server used. A value equal to the server's (`#FFF` and `#ffffff` alike) is not sent. An unrecognised corner
 * on the server is left untouched unless the admin picked another one.
 */
export function embedChanges(base: StatusEmbedConfig, values: EmbedValues): StatusEmbedConfigChanges {
  const changes: StatusEmbedConfigChanges = {};
  const shownCorner = parseCorner(base.position) ?? FALLBACK_EMBED_VALUES.position;
  if (values.position !== shownCorner) {
    changes.position = spellCornerLike(values.position, base.position) as StatusEmbedConfigChanges['position'];
  }
  for (const field of COLOUR_FIELDS) {
    const typed = normalizeHexColour(values[field]);
    if (typed === undefined) continue;
    const current = normalizeHexColour(base[field]) ?? FALLBACK_EMBED_VALUES[field];
    if (typed !== current) changes[field] = typed;
  }
  return changes;
}

/** Fields the server has no usable value for: the editor shows a suggestion and says so. */
export function unsetFields(base: StatusEmbedConfig): Array<(typeof EMBED_CONFIG_FIELDS)[number]> {
  return EMBED_CONFIG_FIELDS.filter((field) =>
    field === 'position' ? parseCorner(base.position) === undefined : normalizeHexColour(base[field]) === undefined,
  );
}

export function hasChanges(changes: StatusEmbedConfigChanges): boolean {
  return EMBED_CONFIG_FIELDS.some((field) => changes[field] !== undefined);
}
