import { defineExtensionMessaging } from '@webext-core/messaging';
import * as z from 'zod/mini';
import { isReservedKey } from '../../shared/schemas';
import { ConnectionId } from '../storage/org-item';
import type { Outcome } from './outcome';
import type { SenderKind } from './sender';

// What every message between the popup (or the Team access page) and the background is made of. Each feature
// declares its own messages as schemas (`<feature>/messages.ts`, with `defineMessages`): the types come from them,
// the background's route table is built from them (background/features.ts, from the features extension/features.ts lists), and both ends parse what they receive.
// Requests are strict objects: a field one side sends and the other does not know is refused, never dropped.
// Content scripts may ask nothing (the in-page preview is fed by the popup over its own port).

// An id becomes a key of maps and of storage items: `__proto__` and its kin are never ids.
export const Id = z.string().check(
  z.minLength(1),
  z.maxLength(100),
  z.regex(/^[\w-]+$/, 'must be an id'),
  z.refine((id) => !isReservedKey(id), 'cannot be an id'),
);
/** A page's or a user's name, for messages ("... the embed of Acme Cloud"). */
export const Label = z.string().check(z.maxLength(300));
export const NoData = z.optional(z.null());

export { ConnectionId };

export interface MessageSpec {
  /** Who may send it. */
  from: readonly SenderKind[];
  request: z.ZodMiniType;
  response: z.ZodMiniType;
}

/** Our own pages (the popup, the Team access page). */
export const POPUP = ['extension-page'] as const;

export type Messages = Record<string, MessageSpec>;
/** A feature's messages, checked to be specs and kept with their exact types. */
export const defineMessages = <const M extends Messages>(messages: M): M => messages;

export type RequestOf<M extends Messages, K extends keyof M> = z.output<M[K]['request']>;
export type ResponseOf<M extends Messages, K extends keyof M> = z.output<M[K]['response']>;

// No `logger`: the library would log every message, and `connect` carries the key. Typed per feature by `asker`
// (messaging/asker.ts) and the route table (background/routes.ts), which both parse with the feature's schemas.
export const messenger = defineExtensionMessaging<Record<string, (data: unknown) => Outcome<unknown>>>();
