import { defineBackgroundPart } from '../jobs/background-part';
import { startSave } from '../saves/saves';
import { refreshEmbedConfig } from './embed-reads';
import { embedMessages } from './messages';
import { embedSave } from './save-embed';

export const background = defineBackgroundPart({
  messages: embedMessages,
  handlers: {
    refreshEmbedConfig,
    saveEmbed: (request) => startSave('embed', request.pageId, request),
  },
  jobs: [embedSave],
});
