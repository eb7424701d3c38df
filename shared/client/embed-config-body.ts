import { EMBED_CONFIG_FIELDS, normalizeHexColour, type StatusEmbedConfigChanges, type StatusEmbedConfigReplacement } from '../schemas';

/**
 * The `status_embed_config` object as it goes on the wire: only the fields given (a PATCH must not
 * reset the others), colours as `#rrggbb` (`#ABC` -> `#aabbcc`), the corner in the caller's spelling.
 */
export function toWireEmbedConfig(config: StatusEmbedConfigChanges | StatusEmbedConfigReplacement): Record<string, string> {
  const wire: Record<string, string> = {};
  for (const field of EMBED_CONFIG_FIELDS) {
    const value = config[field];
    if (value === undefined) continue;
    wire[field] = field === 'position' ? value : (normalizeHexColour(value) ?? value);
  }
  return wire;
}
