import { sealedApiKeyItem } from './api-key-item';
import { openSecret, sealSecret } from './sealed-secret';
import { sealingKey } from './sealing-key';

/** The stored API key, or undefined when there is none (or it can no longer be opened: the popup asks again). */
export async function readApiKey(): Promise<string | undefined> {
  const sealed = await sealedApiKeyItem.getValue();
  if (!sealed) return undefined;
  return openSecret(sealed, await sealingKey());
}

export async function writeApiKey(apiKey: string): Promise<void> {
  await sealedApiKeyItem.setValue(await sealSecret(apiKey, await sealingKey()));
}

export async function forgetApiKey(): Promise<void> {
  await sealedApiKeyItem.removeValue();
}
