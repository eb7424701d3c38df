import { parseMessage } from '../messaging/parse-message';
import { unwrap } from '../messaging/outcome';
import { type MessageName, messenger, PROTOCOL, type RequestOf, type ResponseOf } from '../messaging/protocol';

/**
 * Asks the background (the only holder of the key). The request is checked before it leaves and the answer when it
 * comes back, against the same schemas the background uses; an error comes back as its own class (RateLimitedError...).
 */
export async function ask<K extends MessageName>(
  type: K,
  ...data: RequestOf<K> extends undefined | null ? [] : [RequestOf<K>]
): Promise<ResponseOf<K>> {
  const spec = PROTOCOL[type];
  const request = parseMessage(spec.request, data[0], `"${type}" request`);
  const send = messenger.sendMessage as (type: K, data: unknown) => Promise<Parameters<typeof unwrap>[0]>;
  const value = unwrap(await send(type, request));
  return parseMessage(spec.response, value, `answer to "${type}"`) as ResponseOf<K>;
}
