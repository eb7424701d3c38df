import { storage } from 'wxt/utils/storage';
import type { SealedSecret } from './sealed-secret';

/**
 * The API key, sealed (see sealed-secret.ts). Only the background imports this module: the popup's and the
 * content scripts' bundles do not even name the item (test/e2e/preview/bundles.spec.ts checks it).
 */
export const sealedApiKeyItem = storage.defineItem<SealedSecret | null>('local:apiKey', { version: 1, fallback: null });
