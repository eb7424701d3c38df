// The loader: `dist/widget/status-embed.js` (script tag, global `StatusEmbed`). Small on purpose: it reads the
// summary and, only when something is to be shown, adds the card stage from its own directory, checked
// against the hash the build wrote in (`__STATUS_EMBED_CARD_FILE__`, `__STATUS_EMBED_CARD_INTEGRITY__`). The ES module (status-embed.module.ts) has the
// same API with the card imported.
import { cardScriptLoader } from './loader/card-script';
import { startWidget } from './loader/start';

export type { EmbedConfigInput, EmbedOptions, MountOptions, StatusEmbedChangeDetail, StatusEmbedHandle } from './api';
export { StatusEmbedElement } from './mount/element';
export { mount } from './mount/mount';

/** Written in by the build (widget/vite.config.ts): the card stage's file name and its `sha384-` hash. */
declare const __STATUS_EMBED_CARD_FILE__: string;
declare const __STATUS_EMBED_CARD_INTEGRITY__: string;

const script = document.currentScript as HTMLScriptElement | null; // only set while this file first runs
// The card stage sits next to this file. No src (an inline copy): no card stage, and a warning when it is needed.
const cardUrl = script?.src ? new URL(__STATUS_EMBED_CARD_FILE__, script.src) : undefined;
startWidget(cardScriptLoader(cardUrl, __STATUS_EMBED_CARD_INTEGRITY__), script);
