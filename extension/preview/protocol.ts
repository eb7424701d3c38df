import * as z from 'zod/mini';
import { embedShape } from '../../shared/schemas/embed-config';

/**
 * The in-page preview's messages, on one port per preview: the popup connects to the tab
 * (`tabs.connect(tabId, { name: PREVIEW_PORT })`), and the port's end is the preview's end. Both sides parse
 * what they receive with these schemas: a message is data from another context, never trusted.
 */
export const PREVIEW_PORT = 'statuspage-toolkit.preview';

// Generous bounds: the card refuses anything that is not a corner or `#rrggbb` anyway (resolveEmbedConfig).
const Field = z.optional(z.string().check(z.maxLength(32)));

/**
 * Exactly the five public fields of the draft, nothing else (strict: a stray field such as a key is refused,
 * not dropped, so a sender's mistake shows up at once).
 */
export const PreviewConfig = z.strictObject(embedShape(Field, Field));
export type PreviewConfig = z.infer<typeof PreviewConfig>;

export const PreviewSample = z.enum(['incident', 'maintenance']);
export type PreviewSample = z.infer<typeof PreviewSample>;

/** Popup -> page: the one message the page takes, sent again on every edit. The preview ends with the port. */
export const ShowPreview = z.strictObject({
  type: z.literal('show'),
  config: PreviewConfig,
  sample: PreviewSample,
  /** The page's status domain, so the sample's links look like the real ones (never followed in a preview). */
  statusPageUrl: z.optional(z.string().check(z.maxLength(2048))),
});
export type ShowPreview = z.infer<typeof ShowPreview>;

/** Page -> popup. */
export const FromPage = z.discriminatedUnion('type', [
  /** The page's listener took the port: a preview can be drawn here. */
  z.strictObject({ type: z.literal('ready') }),
  /** The admin closed the preview on the page (Escape, or the card's own ×). */
  z.strictObject({ type: z.literal('dismissed'), by: z.enum(['escape', 'card']) }),
]);
export type FromPage = z.infer<typeof FromPage>;

/** The message, or undefined for anything malformed (the receiver ignores it). */
export function readShowPreview(value: unknown): ShowPreview | undefined {
  const result = ShowPreview.safeParse(value);
  return result.success ? result.data : undefined;
}

export function readFromPage(value: unknown): FromPage | undefined {
  const result = FromPage.safeParse(value);
  return result.success ? result.data : undefined;
}
