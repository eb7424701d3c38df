import * as z from 'zod/mini';

/** The spec's ErrorEntity is `{message}`; real servers also send `{error: string | string[]}`. */
export const ErrorBody = z.looseObject({
  message: z.optional(z.union([z.string(), z.array(z.string())])),
  error: z.optional(z.union([z.string(), z.array(z.string())])),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/** The server's own words from an error body, whatever its shape; the raw text when it is not JSON. */
export function readErrorMessage(text: string): string | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(trimmed);
  } catch {
    return trimmed.length > 500 ? `${trimmed.slice(0, 500)}…` : trimmed;
  }
  const parsed = ErrorBody.safeParse(json);
  if (parsed.success) {
    const value = parsed.data.message ?? parsed.data.error;
    if (value !== undefined) return Array.isArray(value) ? value.join('; ') : value;
  }
  return trimmed.length > 500 ? `${trimmed.slice(0, 500)}…` : trimmed;
}
