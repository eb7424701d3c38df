// The ES module: `dist/widget/status-embed.mjs` for bundlers. The same API as the script tag's loader, with the
// card stage imported (a bundler splits or inlines it as it likes), every language with it.
import { clearCard, drawCard, refreshCard } from './card-stage/draw';
import { LOCALES } from './card-stage/locales/all';
import { holdStrings } from './card-stage/strings-source';
import { startWidget } from './loader/start';

export type { EmbedConfigInput, EmbedOptions, MountOptions, StatusEmbedChangeDetail, StatusEmbedHandle } from './api';
export { StatusEmbedElement } from './mount/element';
export { mount } from './mount/mount';

holdStrings(LOCALES);
startWidget(() => Promise.resolve({ refresh: refreshCard, draw: drawCard, clear: clearCard }), null);
