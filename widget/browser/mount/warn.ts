/** Console messages name their source, so a customer's developers know where they come from. */
export function warn(message: string, cause?: unknown): void {
  console.warn(`[status-embed] ${message}${cause instanceof Error ? `: ${cause.message}` : ''}`);
}
