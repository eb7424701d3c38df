import * as z from 'zod/mini';

/**
 * A limiter's memory as plain JSON: when recent requests ended (epoch ms) and until when the server
 * asked us to wait. It comes back from storage, so it is parsed like any other outside input.
 */
export const RateLimiterState = z.object({
  version: z.literal(1),
  stamps: z.array(z.number().check(z.nonnegative())),
  blockedUntil: z.number().check(z.nonnegative()),
});
export type RateLimiterState = z.infer<typeof RateLimiterState>;
