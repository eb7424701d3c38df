import * as z from 'zod/mini';

/**
 * The API key at rest: AES-GCM with a key that cannot be exported and lives in the extension's own
 * IndexedDB. Chrome also closes storage.local to content scripts (see background/storage-access.ts); Firefox
 * cannot, and there this is what keeps a content script that reads storage.local from reading the key.
 */
export const SealedSecret = z.object({
  version: z.literal(1),
  /** base64 */
  iv: z.string(),
  /** base64 */
  ciphertext: z.string(),
});
export type SealedSecret = z.infer<typeof SealedSecret>;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function createSealingKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

export async function sealSecret(secret: string, key: CryptoKey): Promise<SealedSecret> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ciphertext = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, encoder.encode(secret)));
  return { version: 1, iv: toBase64(iv), ciphertext: toBase64(ciphertext) };
}

/** The secret, or undefined when it cannot be opened (another key, damaged data): the caller asks for it again. */
export async function openSecret(sealed: SealedSecret, key: CryptoKey): Promise<string | undefined> {
  try {
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64(sealed.iv) }, key, fromBase64(sealed.ciphertext));
    return decoder.decode(plain);
  } catch {
    return undefined;
  }
}
