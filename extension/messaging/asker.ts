import { unwrap } from './outcome';
import { parseMessage } from './parse-message';
import { type Messages, messenger, type RequestOf, type ResponseOf } from './protocol';

/**
 * `ask()` for a set of messages (a feature's, with those below it that it uses): asks the background (the only holder
 * of the key). The request is checked before it leaves and the answer when it comes back, against the same schemas
 * the background uses; an error comes back as its own class (RateLimitedError...).
 */
export function asker<M extends Messages>(messages: M) {
  return async function ask<K extends keyof M & string>(
    type: K,
    ...data: RequestOf<M, K> extends undefined | null ? [] : [RequestOf<M, K>]
  ): Promise<ResponseOf<M, K>> {
    const spec = messages[type]!;
    const request = parseMessage(spec.request, data[0], `"${type}" request`);
    const value = unwrap(await messenger.sendMessage(type, request));
    return parseMessage(spec.response, value, `answer to "${type}"`) as ResponseOf<M, K>;
  };
}
