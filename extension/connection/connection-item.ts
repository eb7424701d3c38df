import { storage } from 'wxt/utils/storage';

/** Which organization and API the extension talks to: not secret, so the popup reads it to draw at once. */
export interface Connection {
  organizationId: string;
  apiBaseUrl: string;
  /** When the key was last checked and accepted (epoch ms). */
  verifiedAt: number;
}

export const connectionItem = storage.defineItem<Connection | null>('local:connection', { version: 1, fallback: null });
