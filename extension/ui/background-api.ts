import { unwrap } from '../messaging/outcome';
import { messenger, type BackgroundProtocol } from '../messaging/protocol';

type Value<K extends keyof BackgroundProtocol> = ReturnType<BackgroundProtocol[K]> extends { ok: true; value: infer V } | { ok: false } ? V : never;
type Argument<K extends keyof BackgroundProtocol> = Parameters<BackgroundProtocol[K]>[0];

/** Asks the background (the only holder of the key); an error comes back as its own class (RateLimitedError...). */
export async function ask<K extends keyof BackgroundProtocol>(
  type: K,
  ...data: Argument<K> extends undefined ? [] : [Argument<K>]
): Promise<Value<K>> {
  const send = messenger.sendMessage as (type: K, data: unknown) => Promise<Parameters<typeof unwrap<Value<K>>>[0]>;
  return unwrap(await send(type, data[0]));
}
