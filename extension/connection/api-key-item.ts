import * as z from 'zod/mini';
import { storedItem } from '../storage/stored-item';
import { SealedSecret } from './sealed-secret';

/**
 * The API key, sealed (see sealed-secret.ts). Only the background imports this module: the popup's and the
 * content scripts' bundles do not even name the item (test/e2e/preview/bundles.spec.ts checks it).
 */
export const sealedApiKeyItem = storedItem('local:apiKey', { schema: z.nullable(SealedSecret), fallback: null });
