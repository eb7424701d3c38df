import * as z from 'zod/mini';
import { orgItem } from '../storage/org-item';

/**
 * Each key's rate limiter memory, so a restarted service worker still knows the key's recent requests. Only its
 * outline is checked here: the limiter's own `restore()` checks the rest and knows every version it can read.
 */
export const rateLimiterStateItem = orgItem('rateLimiter', {
  schema: z.nullable(z.looseObject({ version: z.number() })),
  fallback: null,
});
