import * as z from 'zod/mini';
import { HexColour } from './colour';
import { WireCorner } from './corner';
import { COLOUR_FIELDS, type ColourField, EMBED_CONFIG_FIELDS } from '../constants';

export { COLOUR_FIELDS, type ColourField, EMBED_CONFIG_FIELDS, type EmbedConfigField } from '../constants';

/** An object shape with one entry per embed field: `position` gets its own schema, each colour the colour schema. */
export type EmbedShape<P, C> = { position: P } & { [F in ColourField]: C };
export function embedShape<P, C>(position: P, colour: C): EmbedShape<P, C> {
  const shape: Record<string, P | C> = { position };
  for (const field of COLOUR_FIELDS) shape[field] = colour;
  return shape as EmbedShape<P, C>;
}

const lenientString = z.optional(z.nullable(z.string()));

/** The five public fields: what the config endpoint serves and what the widget reads. */
export const PublicEmbedConfig = /* @__PURE__ */ z.looseObject(embedShape(lenientString, lenientString));
export type PublicEmbedConfig = z.infer<typeof PublicEmbedConfig>;

/**
 * What GET/PATCH/PUT `/pages/{page_id}/status_embed_config` return: the five fields and `page_id`. The spec types
 * every field as a plain string, so reading is lenient: any string (or null) is kept, and unknown fields pass through.
 */
export const StatusEmbedConfig = /* @__PURE__ */ z.extend(PublicEmbedConfig, { page_id: z.optional(z.string()) });
export type StatusEmbedConfig = z.infer<typeof StatusEmbedConfig>;

/** What we send: checked strictly before it leaves (a known corner, hex colours, no stray fields). */
export const StatusEmbedConfigChanges = /* @__PURE__ */ z.strictObject(embedShape(z.optional(WireCorner), z.optional(HexColour)));
export type StatusEmbedConfigChanges = z.infer<typeof StatusEmbedConfigChanges>;

/** A full replacement (PUT): every field present. */
export const StatusEmbedConfigReplacement = /* @__PURE__ */ z.strictObject(embedShape(WireCorner, HexColour));
export type StatusEmbedConfigReplacement = z.infer<typeof StatusEmbedConfigReplacement>;

/** Keeps only the five public fields (the config endpoint must never leak anything else). */
export function pickPublicEmbedConfig(config: StatusEmbedConfig): PublicEmbedConfig {
  const picked: PublicEmbedConfig = {};
  for (const field of EMBED_CONFIG_FIELDS) {
    const value = config[field];
    if (typeof value === 'string') picked[field] = value;
  }
  return picked;
}
