import * as z from 'zod/mini';
import { HexColour } from './colour';
import { WireCorner } from './corner';

/** The five fields of a page's status embed; the order is the one the UI shows. */
export const EMBED_CONFIG_FIELDS = [
  'position',
  'incident_background_color',
  'incident_text_color',
  'maintenance_background_color',
  'maintenance_text_color',
] as const;
export type EmbedConfigField = (typeof EMBED_CONFIG_FIELDS)[number];

const lenientString = z.optional(z.nullable(z.string()));

/** The five public fields: what the config endpoint serves and what the widget reads. */
export const PublicEmbedConfig = z.looseObject({
  position: lenientString,
  incident_background_color: lenientString,
  incident_text_color: lenientString,
  maintenance_background_color: lenientString,
  maintenance_text_color: lenientString,
});
export type PublicEmbedConfig = z.infer<typeof PublicEmbedConfig>;

/**
 * What GET/PATCH/PUT `/pages/{page_id}/status_embed_config` return: the five fields and `page_id`. The spec types
 * every field as a plain string, so reading is lenient: any string (or null) is kept, and unknown fields pass through.
 */
export const StatusEmbedConfig = /* @__PURE__ */ z.extend(PublicEmbedConfig, { page_id: z.optional(z.string()) });
export type StatusEmbedConfig = z.infer<typeof StatusEmbedConfig>;

/** What we send: checked strictly before it leaves (a known corner, hex colours, no stray fields). */
export const StatusEmbedConfigChanges = z.strictObject({
  position: z.optional(WireCorner),
  incident_background_color: z.optional(HexColour),
  incident_text_color: z.optional(HexColour),
  maintenance_background_color: z.optional(HexColour),
  maintenance_text_color: z.optional(HexColour),
});
export type StatusEmbedConfigChanges = z.infer<typeof StatusEmbedConfigChanges>;

/** A full replacement (PUT): every field present. */
export const StatusEmbedConfigReplacement = z.strictObject({
  position: WireCorner,
  incident_background_color: HexColour,
  incident_text_color: HexColour,
  maintenance_background_color: HexColour,
  maintenance_text_color: HexColour,
});
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
