import type { Messages, RequestOf, ResponseOf } from '../messaging/protocol';
import type { JobKind } from './job-kind';

/**
 * What a feature brings to the background (its `background.ts`): a handler for each of its messages, its job kinds,
 * and what it does at every worker start. extension/features.ts lists the features and background/features.ts gathers their parts; the route table, the job engine's
 * kinds and the start-up are composed from that list.
 */
export interface BackgroundPart<M extends Messages = Messages> {
  messages: M;
  handlers: { [K in keyof M]: (request: RequestOf<M, K>) => Promise<ResponseOf<M, K>> };
  jobs?: readonly JobKind[];
  /** Listeners to add at every worker start (synchronously: the event that woke the worker must find them). */
  start?(): void;
}

export const defineBackgroundPart = <M extends Messages>(part: BackgroundPart<M>): BackgroundPart<M> => part;

/** Any feature's part, as the composing list holds it (each part was checked against its own messages above). */
export type AnyBackgroundPart = Omit<BackgroundPart, 'handlers'> & { handlers: Record<string, (request: never) => Promise<unknown>> };
