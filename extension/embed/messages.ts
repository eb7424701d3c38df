import { StatusEmbedConfig } from '../../shared/schemas';
import { defineMessages, Id, POPUP } from '../messaging/protocol';
import { SaveEmbedRequest } from '../saves/save-requests';

export const embedMessages = defineMessages({
  refreshEmbedConfig: { from: POPUP, request: Id, response: StatusEmbedConfig },
  /** PATCH with only the changed fields; rate limits and lost connections are waited out (a save job). */
  saveEmbed: { from: POPUP, request: SaveEmbedRequest, response: StatusEmbedConfig },
});
