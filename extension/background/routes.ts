import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { PagePermissions, StatusEmbedConfigChanges, InvalidRequestError, describeIssue } from '../../shared';
import { toOutcome, type Outcome } from '../messaging/outcome';
import { messenger, type BackgroundProtocol } from '../messaging/protocol';
import { senderKind, type SenderKind } from '../messaging/sender';
import { connect, disconnect } from '../connection/connect';
import { refreshEmbedConfig, refreshPages, refreshPermissions, refreshUsers } from '../organization/reads';
import { cancelSave, dismissSave, saveEmbed, savePermissions } from '../saves/run-saves';

type Sender = Parameters<Parameters<typeof messenger.onMessage>[1]>[0]['sender'];

// Even our own pages' messages are checked: a message is data from another context.
const Id = z.string().check(z.minLength(1), z.maxLength(100), z.regex(/^[\w-]+$/, 'must be an id'));
const Label = z.string().check(z.maxLength(300));
const ConnectRequest = z.object({ apiKey: z.string(), organizationId: z.string(), apiBaseUrl: z.string() });
const SaveEmbedRequest = z.object({ pageId: Id, label: Label, changes: StatusEmbedConfigChanges, draftUpdatedAt: z.optional(z.number()) });
const SavePermissionsRequest = z.object({
  userId: Id,
  label: Label,
  base: PagePermissions,
  pages: PagePermissions,
  draftUpdatedAt: z.optional(z.number()),
});
const SaveId = z.string().check(z.regex(/^(embed|permissions):[\w-]+$/, 'must be a save id'));

function parse<S extends z.ZodMiniType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new InvalidRequestError(`Refused a malformed message: ${result.error.issues.map(describeIssue).join('; ')}`);
}

interface Route {
  /** Who may send this message. */
  from: SenderKind[];
  handle: (data: unknown, sender: Sender) => Promise<unknown>;
}

const ROUTES: Record<keyof BackgroundProtocol, Route> = {
  connect: { from: ['extension-page'], handle: (data) => connect(parse(ConnectRequest, data)) },
  disconnect: { from: ['extension-page'], handle: async () => (await disconnect(), null) },
  refreshPages: { from: ['extension-page'], handle: () => refreshPages() },
  refreshUsers: { from: ['extension-page'], handle: () => refreshUsers() },
  refreshEmbedConfig: { from: ['extension-page'], handle: (data) => refreshEmbedConfig(parse(Id, data)) },
  refreshPermissions: { from: ['extension-page'], handle: (data) => refreshPermissions(parse(Id, data)) },
  saveEmbed: { from: ['extension-page'], handle: (data) => saveEmbed(parse(SaveEmbedRequest, data)) },
  savePermissions: { from: ['extension-page'], handle: (data) => savePermissions(parse(SavePermissionsRequest, data)) },
  cancelSave: { from: ['extension-page'], handle: async (data) => (cancelSave(parse(SaveId, data)), null) },
  dismissSave: { from: ['extension-page'], handle: async (data) => (await dismissSave(parse(SaveId, data)), null) },
};

function senderKindOf(sender: Sender): SenderKind {
  return senderKind(sender, browser.runtime.id, browser.runtime.getURL('/'));
}

/** Answers every message of the protocol, each only from the senders its route allows. */
export function registerHandlers(): void {
  for (const type of Object.keys(ROUTES) as Array<keyof BackgroundProtocol>) {
    const route = ROUTES[type];
    messenger.onMessage(
      type,
      ({ data, sender }) =>
        toOutcome(async () => {
          if (!route.from.includes(senderKindOf(sender))) throw new InvalidRequestError(`Refused "${type}" from this sender`);
          return route.handle(data, sender);
        }) as Promise<Outcome<never>>,
    );
  }
}
