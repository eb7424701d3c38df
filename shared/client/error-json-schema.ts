import * as z from 'zod/mini';

/** Bounds of the JSON below; the error classes cut their text to them, so `toJSON()` always fits. */
export const ERROR_JSON_LIMITS = { message: 4000, serverMessage: 4000, field: 1000 } as const;

/**
 * What `toJSON()` gives and `errorFromJSON` reads: survives extension messaging, where it comes from
 * another context, so it is checked, never trusted, and its text is bounded.
 */
export const StatuspageErrorJSON = z.object({
  name: z.string().check(z.maxLength(100)),
  message: z.string().check(z.maxLength(ERROR_JSON_LIMITS.message)),
  status: z.optional(z.number().check(z.int())),
  serverMessage: z.optional(z.string().check(z.maxLength(ERROR_JSON_LIMITS.serverMessage))),
  field: z.optional(z.string().check(z.maxLength(ERROR_JSON_LIMITS.field))),
  /** ISO 8601. */
  retryAt: z.optional(z.string().check(z.maxLength(64))),
});
export type StatuspageErrorJSON = z.infer<typeof StatuspageErrorJSON>;
