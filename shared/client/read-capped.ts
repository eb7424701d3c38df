import { ContractError } from './errors';

/** The default cap on a response body: far above any real Statuspage answer, far below what would hurt a process. */
export const DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

/** "1 MB", "512 KB", "300 bytes": a cap as a person reads it. */
export const formatBytes = (bytes: number): string =>
  bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0
    ? `${bytes / (1024 * 1024)} MB`
    : bytes >= 1024 && bytes % 1024 === 0
      ? `${bytes / 1024} KB`
      : `${bytes} bytes`;

const tooLarge = (maxBytes: number) =>
  new ContractError(`Statuspage answered with more than ${formatBytes(maxBytes)} (the client's maxResponseBytes): not read`);

/**
 * The body as text, read as it streams in and given up (the stream cancelled) as soon as it passes `maxBytes`,
 * so an oversized answer never sits in memory whole. A declared Content-Length over the cap is refused unread.
 */
export async function readCappedText(response: Response, maxBytes: number): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) {
    await response.body?.cancel().catch(() => {});
    throw tooLarge(maxBytes);
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let read = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    read += value.byteLength;
    if (read > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(maxBytes);
    }
    text += decoder.decode(value, { stream: true });
  }
}
