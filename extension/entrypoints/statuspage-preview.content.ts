import { startPreviewListener } from '../preview/page/page-listener';

// On manage.statuspage.io the preview needs no click: while the popup's Embed tab holds a draft, it draws it here.
export default defineContentScript({
  matches: ['https://manage.statuspage.io/*'],
  runAt: 'document_idle',
  // WXT's start-up postMessage would reach the page's own message listeners: not needed here.
  noScriptStartedPostMessage: true,
  main(ctx) {
    ctx.onInvalidated(startPreviewListener());
  },
});
