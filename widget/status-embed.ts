// The widget's entry: `dist/widget/status-embed.js` (script tag, global `StatusEmbed`) and
// `dist/widget/status-embed.mjs` (bundlers). Importing it registers `<status-embed>`; loaded by a script tag
// that has `data-status-page`, it also mounts itself.
import { defineStatusEmbedElement } from './mount/element';
import { mountFromScriptTag } from './mount/mount';
import { warn } from './mount/warn';

export type { EmbedConfigInput, MountOptions, StatusEmbedHandle } from './api';
export { StatusEmbedElement } from './mount/element';
export { mount } from './mount/mount';

try {
  defineStatusEmbedElement();
  const script = document.currentScript;
  if (script?.hasAttribute('data-status-page')) {
    // An async script can run before <body> exists.
    if (document.body) mountFromScriptTag(script);
    else document.addEventListener('DOMContentLoaded', () => mountFromScriptTag(script), { once: true });
  }
} catch (error) {
  warn('could not start', error);
}
