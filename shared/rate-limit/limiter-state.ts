import * as z from 'zod/mini';

const epochMs = z.number().check(z.nonnegative());

/**
 * A limiter's memory as plain JSON: when recent requests ended (epoch ms), how many were still in
 * flight, and until when the server asked us to wait. It comes back from storage, so it is parsed
 * like any other outside input.
 *
 * Version 2 keeps requests in flight apart: they die with a stopped service worker, possibly after the
 * save, so a restored limiter counts them as ending when it restores them. Version 1 stamped them at
 * save time. The calls still queued are not saved: their promises die with the worker, and the person
 * they were for is protected by how the window's stamps are laid out (see window-rule.ts).
 */
export const RateLimiterState = z.object({
  version: z.literal(2),
  stamps: z.array(epochMs),
  inFlight: z.number().check(z.int(), z.nonnegative()),
  blockedUntil: epochMs,
});
export type RateLimiterState = z.infer<typeof RateLimiterState>;

/** What an earlier version saved: still accepted, read as a version 2 state with nothing in flight. */
const RateLimiterStateV1 = z.object({ version: z.literal(1), stamps: z.array(epochMs), blockedUntil: epochMs });

/** A saved state of any version, as the current version; undefined when it is not one. */
export function readLimiterState(value: unknown): RateLimiterState | undefined {
  const current = RateLimiterState.safeParse(value);
  if (current.success) return current.data;
  const v1 = RateLimiterStateV1.safeParse(value);
  return v1.success ? { ...v1.data, version: 2, inFlight: 0 } : undefined;
}
