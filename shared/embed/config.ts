import { normalizeHexColour } from '../schemas/colour';
import { parseCorner } from '../schemas/corner';
import { EMBED_CONFIG_FIELDS, type EmbedConfigField, type PublicEmbedConfig } from '../schemas/embed-config';
import { DEFAULT_EMBED_CONFIG, type ResolvedEmbedConfig } from './defaults';

/** Any object carrying some of the five fields, values unchecked (a served config, attributes, a form's state). */
export type EmbedConfigLike = { readonly [F in EmbedConfigField]?: unknown };

/** A field's value as the card may use it (a known corner, `#rrggbb`), or undefined when it must be refused. */
export function checkEmbedConfigField(field: EmbedConfigField, value: unknown): string | undefined {
  return field === 'position' ? parseCorner(value) : normalizeHexColour(value);
}

/**
 * Raw configs (any strings, possibly hostile), the first one laid over the next -> what the card may use: per
 * field, the first value it may use, else its default.
 */
export function resolveEmbedConfig(...layers: Array<EmbedConfigLike | undefined | null>): ResolvedEmbedConfig {
  const resolved = { ...DEFAULT_EMBED_CONFIG };
  for (const field of EMBED_CONFIG_FIELDS) {
    const value = layers.map((layer) => checkEmbedConfigField(field, layer?.[field])).find(Boolean);
    if (value) (resolved as Record<EmbedConfigField, string>)[field] = value;
  }
  return resolved;
}

/**
 * Lays `overrides` (a site's data-* attributes, `handle.update()`) over `base` (the config endpoint's answer).
 * An override we would refuse is dropped, so the base value (else the default) still applies.
 */
export function mergeEmbedConfig(base: EmbedConfigLike | undefined | null, overrides: EmbedConfigLike | undefined | null): PublicEmbedConfig {
  const merged: PublicEmbedConfig = {};
  for (const field of EMBED_CONFIG_FIELDS) {
    const override = overrides?.[field];
    const value = checkEmbedConfigField(field, override) ? override : base?.[field];
    if (typeof value === 'string') merged[field] = value;
  }
  return merged;
}
