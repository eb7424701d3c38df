import { storage } from 'wxt/utils/storage';
import type { SealedSecret } from './sealed-secret';

/** Which organization and API the extension talks to: not secret, so the popup reads it to draw at once. */
export interface Connection {
  organizationId: string;
  apiBaseUrl: string;
  /** When the key was last checked and accepted (epoch ms). */
  verifiedAt: number;
}

export const connectionItem = storage.defineItem<Connection | null>('local:connection', { version: 1, fallback: null });

/**
 * The API key, sealed (see sealed-secret.ts). Only the background reads or writes this item: popup and
 * content scripts never see the key, not even sealed.
 */
export const sealedApiKeyItem = storage.defineItem<SealedSecret | null>('local:apiKey', { version: 1, fallback: null });
