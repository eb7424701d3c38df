import * as z from 'zod/mini';
import { orgItem } from '../storage/org-item';
import { SealedSecret } from './sealed-secret';

/**
 * Each connection's API key, sealed (see sealed-secret.ts). Only the background imports this module: the popup's
 * and the content scripts' bundles do not even name the item (test/e2e/preview/bundles.spec.ts checks it).
 */
export const sealedApiKeyItem = orgItem('apiKey', { schema: z.nullable(SealedSecret), fallback: null });
