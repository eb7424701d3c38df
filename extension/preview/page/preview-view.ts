import { computeEmbedView, safeHttpUrl, sampleSummary, type EmbedView } from '../../../shared/embed';
import type { ShowPreview } from '../protocol';

/** Where the sample's links point when the page has no status domain (a preview never follows them). */
export const SAMPLE_STATUS_PAGE = 'https://status.example.com';

/**
 * What the in-page preview draws for a `show` message: the widget's own view of a sample incident or
 * maintenance, in the draft's corner and colours. A refused colour or corner falls back to the card's default
 * (as on a customer's site); a status URL that is not http(s) is replaced by the placeholder.
 */
export function previewView({ config, sample, statusPageUrl }: ShowPreview, now = new Date()): EmbedView | null {
  const statusPage = safeHttpUrl(statusPageUrl) ?? SAMPLE_STATUS_PAGE;
  return computeEmbedView(sampleSummary(sample, { now, statusPageUrl: statusPage.replace(/\/$/, '') }), config, { statusPageUrl: statusPage });
}
