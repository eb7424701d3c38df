// The status embed's server side: serves a page's public embed config without letting the API key out.
export { type EmbedConfigEnv, handlerOptionsFromEnv } from './env';
export { createEmbedConfigHandler, type EmbedConfigHandler, type EmbedConfigHandlerOptions } from './handler';
