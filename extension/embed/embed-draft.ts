import * as z from 'zod/mini';
import { DEFAULT_EMBED_CONFIG } from '../../shared/embed/defaults';
import {
  COLOUR_FIELDS,
  CORNERS,
  type ColourField,
  EMBED_CONFIG_FIELDS,
  type EmbedConfigField,
  embedShape,
  normalizeHexColour,
  parseCorner,
  StatusEmbedConfig,
  type StatusEmbedConfigChanges,
  spellCornerLike,
} from '../../shared/schemas';
import { colourOf } from './colour-input';

export { COLOUR_FIELDS, type ColourField };

/** What the editor holds: the corner and the four colours exactly as typed (a hex field may be half typed). */
// A colour field holds what was typed, however long (a paste is never cut short): 1,000 characters is far past any colour.
export const EmbedValues = z.object(embedShape(z.enum(CORNERS), z.string().check(z.maxLength(1000))));
export type EmbedValues = z.infer<typeof EmbedValues>;

/**
 * A page's unsaved edit: the config it started from, the values typed since, and when each field was last edited
 * (`stamps`), so that two popups editing the same page at once keep both people's edits (see merge-drafts.ts).
 */
export const EmbedDraft = z.object({
  pageId: z.string(),
  base: StatusEmbedConfig,
  values: EmbedValues,
  stamps: z.partialRecord(z.enum(EMBED_CONFIG_FIELDS), z.number()),
  updatedAt: z.number(),
});
export type EmbedDraft = z.infer<typeof EmbedDraft>;
export type { EmbedConfigField };

/** Shown when the server has no usable value for a field: the card's own defaults, so the preview matches. */
export const FALLBACK_EMBED_VALUES: EmbedValues = { ...DEFAULT_EMBED_CONFIG };

export function valuesFromConfig(config: StatusEmbedConfig): EmbedValues {
  const values: EmbedValues = { ...FALLBACK_EMBED_VALUES, position: parseCorner(config.position) ?? FALLBACK_EMBED_VALUES.position };
  for (const field of COLOUR_FIELDS) values[field] = normalizeHexColour(config[field]) ?? FALLBACK_EMBED_VALUES[field];
  return values;
}

/** The fields whose typed value is not a colour: Save stays off until they are fixed. */
export function invalidColourFields(values: EmbedValues): ColourField[] {
  return COLOUR_FIELDS.filter((field) => colourOf(values[field]) === undefined);
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
    const typed = colourOf(values[field]);
    if (typed === undefined) continue;
    const current = normalizeHexColour(base[field]) ?? FALLBACK_EMBED_VALUES[field];
    if (typed !== current) changes[field] = typed;
  }
  return changes;
}

/** Fields the server has no usable value for: the editor shows a suggestion and says so. */
export function unsetFields(base: StatusEmbedConfig): EmbedConfigField[] {
  return EMBED_CONFIG_FIELDS.filter((field) =>
    field === 'position' ? parseCorner(base.position) === undefined : normalizeHexColour(base[field]) === undefined,
  );
}

export function hasChanges(changes: StatusEmbedConfigChanges): boolean {
  return EMBED_CONFIG_FIELDS.some((field) => changes[field] !== undefined);
}
