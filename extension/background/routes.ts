import { browser } from 'wxt/browser';
import { InvalidRequestError } from '../../shared/client/errors';
import type { AnyBackgroundPart } from '../jobs/background-part';
import { toOutcome } from '../messaging/outcome';
import { parseMessage } from '../messaging/parse-message';
import { type MessageSpec, messenger } from '../messaging/protocol';
import { senderKind } from '../messaging/sender';
import { BACKGROUND_PARTS } from './features';

type Sender = Parameters<Parameters<typeof messenger.onMessage>[1]>[0]['sender'];

function senderKindOf(sender: Sender) {
  return senderKind(sender, browser.runtime.id, browser.runtime.getURL('/'));
}

/** The route table: every feature's messages, each name once, with its spec and its handler. */
export function routeTable(
  features: readonly AnyBackgroundPart[] = BACKGROUND_PARTS,
): Map<string, { spec: MessageSpec; handle: (request: unknown) => Promise<unknown> }> {
  const routes = new Map<string, { spec: MessageSpec; handle: (request: unknown) => Promise<unknown> }>();
  for (const feature of features) {
    const handlers = feature.handlers as Record<string, (request: unknown) => Promise<unknown>>;
    for (const [type, spec] of Object.entries(feature.messages as Record<string, MessageSpec>)) {
      if (routes.has(type)) throw new TypeError(`Message "${type}" is declared by two features`);
      routes.set(type, { spec, handle: handlers[type]! });
    }
  }
  return routes;
}

/** Answers every message of every feature, each only from the senders it allows and only with data of its shape. */
export function registerHandlers(features: readonly AnyBackgroundPart[] = BACKGROUND_PARTS): void {
  for (const [type, { spec, handle }] of routeTable(features)) {
    messenger.onMessage(type, ({ data, sender }) =>
      toOutcome(async () => {
        // Even our own pages' messages are checked: a message is data from another context.
        if (!spec.from.includes(senderKindOf(sender) as never)) throw new InvalidRequestError(`Refused "${type}" from this sender`);
        return handle(parseMessage(spec.request, data, `"${type}" message`));
      }),
    );
  }
}
