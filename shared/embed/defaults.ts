import type { Corner } from '../schemas/corner';
import type { EmbedShape } from '../schemas/embed-config';

/** The card's look when the config leaves a field out or sends one we refuse: white on red, white on blue (both AA). */
export const DEFAULT_EMBED_CONFIG: EmbedShape<Corner, string> = {
  position: 'bottom-left', // the official embed's default side
  incident_background_color: '#b42318',
  incident_text_color: '#ffffff',
  maintenance_background_color: '#1d4ed8',
  maintenance_text_color: '#ffffff',
};
export type ResolvedEmbedConfig = typeof DEFAULT_EMBED_CONFIG;
