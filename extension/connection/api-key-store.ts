import { sealedApiKeyItem } from './api-key-item';
import { openSecret, sealSecret } from './sealed-secret';
import { sealingKey } from './sealing-key';

/** A connection's API key, or undefined when there is none (or it can no longer be opened: the popup asks again). */
export async function readApiKey(connectionId: string): Promise<string | undefined> {
  const sealed = await sealedApiKeyItem(connectionId).getValue();
  if (!sealed) return undefined;
  return openSecret(sealed, await sealingKey());
}

export async function writeApiKey(connectionId: string, apiKey: string): Promise<void> {
  await sealedApiKeyItem(connectionId).setValue(await sealSecret(apiKey, await sealingKey()));
}
